package dev.tether.it;

import static dev.tether.it.Auditor.fingerprint;
import static dev.tether.it.Auditor.kinds;
import static dev.tether.it.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auditor's reporting API over HTTP: each search filter alone and combined, keyset pages
 * while events keep arriving, per-user and per-device views, aggregates, the CSV export, bad
 * filters and roles. Every test makes its own users and devices: the database may hold earlier runs.
 */
class AuditReportingIT extends TetherIT {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private String user;
    private String token;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = "user-" + UUID.randomUUID();
        token = http.token(user, "subscriber");
        auditor = http.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void eachFilterAloneAndCombinedFindsExactlyItsEvents() throws Exception {
        String unknownContent = "missing-" + UUID.randomUUID();
        timeBased("demo-movie");
        timeBased("demo-movie");
        timeBased("demo-preview");
        assertFalse(
                asPlayer.entitlement(token, Player.request(1, unknownContent)).getBoolean("isAllowed"));
        Thread.sleep(20);
        Instant middle = Instant.now();
        Thread.sleep(20);
        String device = Player.newDevice();
        asPlayer.bindDevice(token, device);

        List<JsonObject> all = search("user=" + enc(user));
        assertEquals(
                List.of(
                        "DEVICE_BOUND_TOKEN/GRANTED",
                        "DEVICE_RESOLUTION/GRANTED",
                        "REGISTRATION/GRANTED",
                        "TIME_BASED_TOKEN/REFUSED",
                        "TIME_BASED_TOKEN/GRANTED",
                        "TIME_BASED_TOKEN/GRANTED",
                        "TIME_BASED_TOKEN/GRANTED"),
                kinds(all));
        assertNewestFirst(all);

        assertEquals(1, search("user=" + enc(user) + "&content=demo-preview").size());
        assertEquals(
                5,
                search("user=" + enc(user) + "&content=demo-movie").size(),
                "two time-based tokens, and registration, resolution and device-bound token name the title too");
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED"), kinds(search("content=" + enc(unknownContent))));
        assertEquals(
                "UNKNOWN_CONTENT",
                search("content=" + enc(unknownContent)).get(0).getString("reasonCode"));
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_RESOLUTION/GRANTED"), kinds(search("device=" + device)));
        assertEquals(4, search("user=" + enc(user) + "&type=TIME_BASED_TOKEN").size());
        assertEquals(
                List.of("TIME_BASED_TOKEN/REFUSED"),
                kinds(search("user=" + enc(user) + "&type=TIME_BASED_TOKEN&outcome=REFUSED")));
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED", "REGISTRATION/GRANTED"),
                kinds(search("user=" + enc(user) + "&type=REGISTRATION&type=device_bound_token")),
                "types repeat; case does not matter");
        assertEquals(6, search("user=" + enc(user) + "&outcome=GRANTED").size());
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED"),
                kinds(search("user=" + enc(user) + "&device=" + device + "&content=demo-movie&type=DEVICE_BOUND_TOKEN"
                        + "&outcome=GRANTED&from=" + middle)));

        assertEquals(3, search("user=" + enc(user) + "&from=" + middle).size(), "from is inclusive, after the middle");
        assertEquals(4, search("user=" + enc(user) + "&to=" + middle).size(), "to is exclusive, before the middle");
        Instant first = Instant.parse(all.get(all.size() - 1).getString("occurredAt"));
        Instant last = Instant.parse(all.get(0).getString("occurredAt"));
        assertEquals(
                7,
                search("user=" + enc(user) + "&from=" + first + "&to=" + last.plusNanos(1000))
                        .size());
        assertEquals(
                5,
                search("user=" + enc(user) + "&from=" + first + "&to=" + last).size(),
                "to excludes its instant, which the resolution and the device-bound token share");
        assertEquals(0, search("user=" + enc(user) + "&to=" + first).size());
        assertEquals(List.of(), search("user=" + enc(user) + "&device=" + Player.newDevice()));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeatsWhileEventsKeepArriving() throws Exception {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            before.add(fingerprint(timeBased("demo-movie")));
        }
        ExecutorService background = Executors.newSingleThreadExecutor();
        AtomicBoolean paging = new AtomicBoolean(true);
        Future<Integer> arrivals = background.submit(() -> {
            int made = 0;
            while (paging.get()) {
                timeBased("demo-preview");
                made++;
            }
            return made;
        });
        Set<String> afterFirstPage = new HashSet<>();
        List<JsonObject> paged = new ArrayList<>();
        int pages = 0;
        try {
            HttpResponse<String> page = asAuditor.search(auditor, "limit=2&user=" + enc(user));
            while (true) {
                assertEquals(200, page.statusCode(), page.body());
                pages++;
                List<JsonObject> events = Http.array(page.body()).getValuesAs(JsonObject.class);
                assertTrue(events.size() <= 2);
                paged.addAll(events);
                afterFirstPage.add(fingerprint(timeBased("demo-preview")));
                Optional<String> next = next(page);
                if (next.isEmpty()) {
                    break;
                }
                page = asAuditor.page(auditor, next.get());
            }
        } finally {
            paging.set(false);
            background.shutdown();
        }
        assertTrue(arrivals.get() > 0, "events arrived from another client while the pages were read");

        List<Long> ids = ids(paged);
        assertEquals(ids.size(), ids.stream().distinct().count(), "no event on two pages");
        assertNewestFirst(paged);
        Set<String> seen =
                paged.stream().map(e -> e.getString("tokenFingerprint")).collect(Collectors.toSet());
        assertTrue(seen.containsAll(before), "every event committed before the first page is on a page");
        assertTrue(
                afterFirstPage.stream().noneMatch(seen::contains),
                "events newer than the first page never shift into later pages");
        assertTrue(pages >= 4);
        List<JsonObject> now = search("user=" + enc(user) + "&limit=500");
        assertTrue(ids(now).containsAll(ids));
        assertTrue(now.size() >= paged.size() + afterFirstPage.size());
    }

    @Test
    void aUsersDevicesAndADevicesUsersShowFirstAndLastSightAndTokenCounts() throws Exception {
        String shared = Player.newDevice();
        String own = Player.newDevice();
        String sharedCookie = asPlayer.bindDevice(token, shared);
        assertTrue(asPlayer.entitlement(token, Player.request(3, "demo-movie", sharedCookie))
                .getBoolean("isAllowed"));
        Thread.sleep(10);
        asPlayer.bindDevice(token, own);
        String other = "user-" + UUID.randomUUID();
        asPlayer.bindDevice(http.token(other, "subscriber"), shared);

        List<JsonObject> devices = objects(asAuditor.userDevices(auditor, user));
        assertEquals(
                List.of(own, shared),
                devices.stream().map(d -> d.getString("deviceId")).toList(),
                "most recently seen first");
        JsonObject sharedRow = devices.get(1);
        assertEquals(3, sharedRow.getJsonNumber("events").longValue(), "a resolution and two device-bound tokens");
        assertEquals(2, sharedRow.getJsonNumber("tokens").longValue());
        assertTrue(Instant.parse(sharedRow.getString("firstSeen"))
                .isBefore(Instant.parse(sharedRow.getString("lastSeen"))));
        assertEquals(1, devices.get(0).getJsonNumber("tokens").longValue());

        List<JsonObject> users = objects(asAuditor.deviceUsers(auditor, shared));
        assertEquals(
                List.of(other, user),
                users.stream().map(u -> u.getString("userId")).toList(),
                "a device with two users: the sharing signal");
        assertEquals(1, users.get(0).getJsonNumber("tokens").longValue());
        assertEquals(List.of(), objects(asAuditor.userDevices(auditor, "nobody-" + UUID.randomUUID())));
    }

    @Test
    void theSummaryCountsTokensRefusalsDevicesAndUsersNearTheDeviceLimitInItsRange() throws Exception {
        Instant from = Instant.now();
        Thread.sleep(5);
        asPlayer.bindDevice(token, Player.newDevice());
        asPlayer.bindDevice(token, Player.newDevice());
        timeBased("demo-preview");
        String light = "user-" + UUID.randomUUID();
        String lightToken = http.token(light, "subscriber");
        asPlayer.bindDevice(lightToken, Player.newDevice());
        asPlayer.entitlement(lightToken, Player.request(1, "missing-" + UUID.randomUUID()));
        asPlayer.entitlement(lightToken, Player.request(1, "missing-" + UUID.randomUUID()));
        asPlayer.entitlement(lightToken, Player.request(3, "demo-movie"));
        Thread.sleep(5);
        Instant to = Instant.now();

        JsonObject summary = summary("from=" + from + "&to=" + to);
        assertEquals(from, Instant.parse(summary.getString("from")));
        assertEquals(
                Map.of("demo-movie", 6L, "demo-preview", 1L),
                counts(summary.getJsonArray("tokensPerContent"), "contentId", "tokens"),
                "three registrations, three device-bound tokens, one time-based token");
        assertEquals(
                7L,
                counts(summary.getJsonArray("tokensPerDay"), "day", "tokens").values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertEquals(
                java.time.LocalDate.ofInstant(to, java.time.ZoneOffset.UTC).toString(),
                summary.getJsonArray("tokensPerDay")
                        .getJsonObject(summary.getJsonArray("tokensPerDay").size() - 1)
                        .getString("day"),
                "days are UTC days");
        assertEquals(
                Map.of("UNKNOWN_CONTENT", 2L, "NOT_REGISTERED", 1L),
                counts(summary.getJsonArray("refusalsByReason"), "reasonCode", "refusals"));
        assertEquals(3, summary.getJsonNumber("activeDevices").longValue());
        JsonObject limit = summary.getJsonObject("nearDeviceLimit");
        assertEquals(3, limit.getInt("deviceLimit"), "tether.binding.max-active-devices' default");
        assertEquals(2, limit.getInt("threshold"));
        assertEquals(
                Map.of(user, 2L),
                counts(limit.getJsonArray("users"), "userId", "devices"),
                "the user with two devices; not the one with one");

        JsonObject before = summary("from=" + from.minusSeconds(3600) + "&to=" + from);
        assertFalse(before.getJsonObject("nearDeviceLimit")
                .getJsonArray("users")
                .toString()
                .contains(user));
        JsonObject defaults = summary("");
        assertEquals(
                30,
                java.time.Duration.between(
                                Instant.parse(defaults.getString("from")), Instant.parse(defaults.getString("to")))
                        .toDays(),
                "the last 30 days by default");
    }

    @Test
    void theCsvExportStreamsTheSearchWithQuotingAndUnicodeIntact() throws Exception {
        // The SSO subject is the one free-text column a client reaches; Liberty answers 401 to a
        // token whose subject holds a line break, so CsvTest covers line breaks.
        String awkward = "o'Brien, \"Zoë\" 東京 🎬-" + UUID.randomUUID();
        String awkwardToken = http.token(awkward, "subscriber");
        for (int i = 0; i < 3; i++) {
            assertTrue(asPlayer.entitlement(awkwardToken, Player.request(1, "demo-movie"))
                    .getBoolean("isAllowed"));
        }
        asPlayer.entitlement(awkwardToken, Player.request(1, "missing:" + UUID.randomUUID()));

        HttpResponse<byte[]> csv = asAuditor.export(auditor, "user=" + enc(awkward));
        assertEquals(200, csv.statusCode());
        assertEquals(
                "text/csv;charset=UTF-8",
                csv.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        String disposition = csv.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"tether-audit-\\d{8}T\\d{6}Z\\.csv\""), disposition);

        List<List<String>> rows = parseCsv(Http.text(csv));
        assertEquals(
                List.of(
                        "id",
                        "occurredAt",
                        "type",
                        "outcome",
                        "reasonCode",
                        "userId",
                        "deviceId",
                        "contentId",
                        "cookie",
                        "tokenFingerprint",
                        "tokenExpiresAt",
                        "requestId",
                        "clientAddress",
                        "actorId",
                        "detail",
                        "drm",
                        "deviceBound"),
                rows.get(0));
        List<List<String>> events = rows.subList(1, rows.size());
        List<JsonObject> searched = search("user=" + enc(awkward));
        assertEquals(
                ids(searched),
                events.stream().map(r -> Long.valueOf(r.get(0))).toList(),
                "the export is the search, newest first");
        events.forEach(row -> assertEquals(awkward, row.get(5), "commas, quotes and unicode survive"));
        assertTrue(events.get(0).get(7).startsWith("missing:"));
        assertEquals("UNKNOWN_CONTENT", events.get(0).get(4));
        assertEquals(
                searched.get(1).getString("tokenFingerprint"), events.get(1).get(9));
        assertEquals(
                Instant.parse(searched.get(1).getString("occurredAt")),
                Instant.parse(events.get(1).get(1)));
        assertEquals("", events.get(0).get(9), "no token on a refusal: an empty field");

        HttpResponse<byte[]> empty = asAuditor.export(auditor, "user=" + enc("nobody-" + UUID.randomUUID()));
        assertEquals(1, parseCsv(Http.text(empty)).size(), "the header alone");
    }

    @Test
    void badFiltersAreProblemDetailsWithStableTypes() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("/api/audit/events?type=PURCHASE", "bad-filter"),
                Map.entry("/api/audit/events?outcome=MAYBE", "bad-filter"),
                Map.entry("/api/audit/events?user=", "bad-filter"),
                Map.entry("/api/audit/events?from=yesterday", "bad-time"),
                Map.entry("/api/audit/events?to=2026-11-26", "bad-time"),
                Map.entry("/api/audit/events?from=2026-11-26T10:00:00Z&to=2026-11-26T10:00:00Z", "bad-time-range"),
                Map.entry("/api/audit/events?after=garbage", "bad-cursor"),
                Map.entry("/api/audit/events?limit=0", "bad-limit"),
                Map.entry("/api/audit/events?limit=501", "bad-limit"),
                Map.entry("/api/audit/export?type=NOPE", "bad-filter"),
                Map.entry("/api/audit/export?from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z", "bad-time-range"),
                Map.entry("/api/audit/summary?from=last-week", "bad-time"),
                Map.entry("/api/audit/summary?from=2025-01-01T00:00:00Z&to=2026-11-26T00:00:00Z", "bad-time-range"));
        cases.forEach((path, slug) -> {
            HttpResponse<String> response = http.get(path, auditor);
            assertEquals(400, response.statusCode(), path);
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    path);
            JsonObject problem = Http.json(response.body());
            assertEquals("https://tether.dev/problems/" + slug, problem.getString("type"), path);
            assertEquals(400, problem.getInt("status"));
            assertTrue(problem.getString("detail").length() > 10, path);
        });
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        String subscriber = http.token("user-" + UUID.randomUUID(), "subscriber");
        String admin = http.token("admin-" + UUID.randomUUID(), "admin");
        for (String path : List.of(
                "/api/audit/events?user=x",
                "/api/audit/export",
                "/api/audit/users/x/devices",
                "/api/audit/devices/x/users",
                "/api/audit/summary")) {
            for (String bearer : List.of(subscriber, admin)) {
                HttpResponse<String> response = http.get(path, bearer);
                assertEquals(403, response.statusCode(), path);
                assertEquals(
                        "application/problem+json",
                        response.headers().firstValue("Content-Type").orElse(""));
            }
            assertEquals(401, http.get(path, null).statusCode(), path);
            assertEquals(200, http.get(path, auditor).statusCode(), path);
        }
    }

    /** Asks for a time-based token; returns its URL. */
    private String timeBased(String content) {
        JsonObject answer = asPlayer.entitlement(token, Player.request(1, content));
        assertTrue(answer.getBoolean("isAllowed"), answer.toString());
        return answer.getString("epTokenURL");
    }

    private List<JsonObject> search(String query) {
        return objects(asAuditor.search(auditor, query));
    }

    /** The rows of a JSON array answer, which the test expects with 200. */
    private static List<JsonObject> objects(HttpResponse<String> response) {
        return Http.expectArray(response).getValuesAs(JsonObject.class);
    }

    private JsonObject summary(String query) {
        return Http.json(
                Http.expectStatus(200, asAuditor.summary(auditor, query)).body());
    }

    private static Optional<String> next(HttpResponse<String> page) {
        for (String link : page.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static List<Long> ids(List<JsonObject> events) {
        return events.stream().map(e -> e.getJsonNumber("id").longValue()).toList();
    }

    private static void assertNewestFirst(List<JsonObject> events) {
        Comparator<JsonObject> newestFirst = Comparator.comparing(
                        (JsonObject e) -> Instant.parse(e.getString("occurredAt")))
                .thenComparing(e -> e.getJsonNumber("id").longValue())
                .reversed();
        assertEquals(events.stream().sorted(newestFirst).toList(), events);
    }

    private static Map<String, Long> counts(JsonArray rows, String key, String count) {
        return rows.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(
                        r -> r.getString(key), r -> r.getJsonNumber(count).longValue()));
    }

    /** An RFC 4180 reader, written here so the test does not trust the code it tests. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "the last row ends with CRLF");
        return rows;
    }
}
