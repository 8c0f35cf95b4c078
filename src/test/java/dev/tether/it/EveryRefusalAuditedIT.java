package dev.tether.it;

import static dev.tether.it.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of Tether's own API leaves exactly one audit event, refused, with its actor. The
 * catalogue is checked against the problem types the OpenAPI document lists (the list
 * {@code OpenApiDocumentTest} keeps equal to the code's): each type is either provoked here by a
 * caller of its own, or named below with the reason it leaves no actor's event, so a new problem
 * type cannot go unaudited unnoticed.
 */
class EveryRefusalAuditedIT extends TetherIT {

    /**
     * Problem types no caller's refusal can show here, and why. Authentication and role refusals
     * are the containers' (README: not recorded on either server); 5xx answers are not refusals.
     */
    private static final Map<String, String> NOT_AN_ACTORS_REFUSAL = Map.ofEntries(
            Map.entry("unauthorized", "no authenticated caller to name"),
            Map.entry("forbidden", "the container's role check, before Tether's code on Liberty"),
            Map.entry("internal-error", "a failure, answered with an incident id, not a refusal"),
            Map.entry("tether-busy", "Tether full: the event would need the connection it lacks"),
            Map.entry("uri-too-long", "the container's, before any request is read"),
            Map.entry("unsupported-media-type", "the container's; JAX-RS's 415 is answered bad-content-type"),
            Map.entry("content-too-large", "the container's 413 over its 1 MiB backstop"),
            Map.entry("bad-request", "the container's malformed request line or header"),
            Map.entry("rate-limited", "one event per refused window, not per request: RateLimitIT"),
            Map.entry("device-revoked", "a SEES refusal (3009), audited on the SEES event: DevicePolicyIT"),
            Map.entry("no-registration-content", "the contract check's, without a catalogue to break here"),
            Map.entry("scim-version-mismatch", "declared for If-Match; Tether serves no ETags, nothing raises it"));

    private String auditor;
    private Provisioner scim;

    /** One refused request: what it must be answered, by whom, after its own set-up. */
    private record Refusal(
            String slug, int status, String actor, boolean scimError, Supplier<HttpResponse<String>> call) {}

    @BeforeEach
    void setUp() {
        auditor = tokenFor("auditor");
        scim = new Provisioner(http);
    }

    @Test
    void eachProblemTypeLeavesExactlyOneRefusedEventWithItsActorOrIsNamedWithItsReason() throws IOException {
        List<Refusal> refusals = refusals();
        List<String> failures = new ArrayList<>();
        for (Refusal refusal : refusals) {
            // The server shares this machine's clock; events are stamped to the microsecond.
            Instant start = Instant.now().minusMillis(1);
            HttpResponse<String> answer = refusal.call().get();
            String what = refusal.slug() + " (" + answer.statusCode() + " " + answer.body() + ")";
            if (answer.statusCode() != refusal.status() || !answeredAs(refusal, answer)) {
                failures.add("answered otherwise: " + what);
                continue;
            }
            List<JsonObject> added = since(start).stream()
                    .map(v -> v.asJsonObject())
                    .filter(event -> byActor(event, refusal.actor()))
                    .toList();
            if (added.size() != 1 || !"REFUSED".equals(added.get(0).getString("outcome"))) {
                failures.add("not exactly one refused event of its actor: " + what + " -> " + added);
            }
        }
        assertEquals(List.of(), failures);

        Set<String> listed = listedSlugs();
        Set<String> covered = new TreeSet<>();
        refusals.forEach(r -> covered.add(r.slug()));
        covered.addAll(logoutSlugs(listed));
        covered.addAll(NOT_AN_ACTORS_REFUSAL.keySet());
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(listed);
        assertEquals(Set.of(), missing, "problem types neither provoked nor explained");
        assertEquals(Set.of(), unknown, "cases for problem types the document does not list");
    }

    /** Every event since {@code start}, whoever it names; this auditor's own searches among them. */
    private JsonArray since(Instant start) {
        return Http.expectArray(asAuditor.search(auditor, "from=" + enc(start.toString()) + "&limit=500"));
    }

    /**
     * The caller is the event's actor: its {@code actorId}, or, for a step on the caller's own
     * account (a subscriber removing a device), the {@code userId} of an event that names no other.
     */
    private static boolean byActor(JsonObject event, String actor) {
        return event.containsKey("actorId") && !event.isNull("actorId")
                ? actor.equals(event.getString("actorId"))
                : actor.equals(event.getString("userId", null));
    }

    private static boolean answeredAs(Refusal refusal, HttpResponse<String> answer) {
        if (!answer.body().startsWith("{")) {
            return false;
        }
        JsonObject body = Http.json(answer.body());
        if (refusal.scimError()) {
            return body.getJsonArray("schemas").getString(0).equals("urn:ietf:params:scim:api:messages:2.0:Error");
        }
        return answer.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                && body.getString("type").endsWith("/" + refusal.slug());
    }

    private List<Refusal> refusals() {
        List<Refusal> all = new ArrayList<>();
        auditQueries(all);
        bodies(all);
        catalogue(all);
        devices(all);
        resets(all);
        streams(all);
        provisioning(all);
        return all;
    }

    private void auditQueries(List<Refusal> all) {
        String[][] cases = {
            {"bad-cursor", "/api/audit/events?after=not-a-cursor"},
            {"bad-cursor", "/api/audit/ledger/events?after=-1"},
            {"bad-cursor", "/api/audit/ledger/events?after=abc"},
            {"bad-filter", "/api/audit/events?type=NO_SUCH_TYPE"},
            {"bad-limit", "/api/audit/events?limit=0"},
            {"bad-limit", "/api/audit/checkpoints?limit=abc"},
            {"bad-limit", "/api/audit/ledger/events?limit=0"},
            {"bad-time", "/api/audit/events?from=yesterday"},
            {"bad-time-range", "/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"},
            {"bad-seq-range", "/api/audit/ledger/verify?from=5&to=1"},
            {"bad-seq-range", "/api/audit/ledger/verify?from=x"},
            {"bad-seq-range", "/api/audit/checkpoints?from=x"},
        };
        for (String[] c : cases) {
            String actor = newUser("auditor");
            String bearer = http.token(actor, "auditor");
            all.add(new Refusal(c[0], 400, actor, false, () -> http.get(c[1], bearer)));
        }
        String actor = newUser("auditor");
        String bearer = http.token(actor, "auditor");
        all.add(new Refusal(
                "method-not-allowed", 405, actor, false, () -> http.call("DELETE", "/api/audit/events", bearer, null)));
        String reader = newUser("auditor");
        String readerToken = http.token(reader, "auditor");
        all.add(new Refusal(
                "not-acceptable",
                406,
                reader,
                false,
                () -> http.raw(
                        "GET",
                        "/api/audit/events",
                        null,
                        "Authorization",
                        "Bearer " + readerToken,
                        "Accept",
                        "image/png")));
        String lost = newUser("admin");
        String lostToken = http.token(lost, "admin");
        all.add(new Refusal("not-found", 404, lost, false, () -> http.get("/api/admin/no-such-thing", lostToken)));
    }

    /** Bodies Tether refuses before it reads them as a request, on one admin endpoint. */
    private void bodies(List<Refusal> all) {
        String path = "/api/admin/users/" + newUser("target") + "/device-limit";
        Object[][] cases = {
            {"bad-content-type", "text/plain", "{\"maxActiveDevices\":3}".getBytes(StandardCharsets.UTF_8), null},
            {"bad-number", "application/json", "{\"maxActiveDevices\":3.5}".getBytes(StandardCharsets.UTF_8), null},
            {
                "duplicate-member",
                "application/json",
                "{\"maxActiveDevices\":3,\"maxActiveDevices\":9}".getBytes(StandardCharsets.UTF_8),
                null
            },
            {"wrong-type", "application/json", "{\"maxActiveDevices\":\"3\"}".getBytes(StandardCharsets.UTF_8), null},
            {"unreadable-body", "application/json", "{\"maxActiveDevices\":".getBytes(StandardCharsets.UTF_8), null},
            {"invalid-request", "application/json", "{\"maxActiveDevices\":-1}".getBytes(StandardCharsets.UTF_8), null},
            {
                "body-too-large",
                "application/json",
                ("{\"maxActiveDevices\":3,\"pad\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                null
            },
            {"compressed-body", "application/json", gzip("{\"maxActiveDevices\":3}"), "gzip"},
        };
        for (Object[] c : cases) {
            String actor = newUser("admin");
            String bearer = http.token(actor, "admin");
            int status = switch ((String) c[0]) {
                case "body-too-large" -> 413;
                case "compressed-body" -> 415;
                default -> 400;
            };
            List<String> headers =
                    new ArrayList<>(List.of("Authorization", "Bearer " + bearer, "Content-Type", (String) c[1]));
            if (c[3] != null) {
                headers.addAll(List.of("Content-Encoding", (String) c[3]));
            }
            all.add(new Refusal(
                    (String) c[0],
                    status,
                    actor,
                    false,
                    () -> http.raw("PUT", path, (byte[]) c[2], headers.toArray(String[]::new))));
        }
        String actor = newUser("admin");
        String bearer = http.token(actor, "admin");
        all.add(new Refusal(
                "invalid-user",
                400,
                actor,
                false,
                () -> http.get("/api/admin/users/" + enc("evil\u202Etxt") + "/devices", bearer)));
    }

    private void catalogue(List<Refusal> all) {
        String owner = http.token(newUser("admin"), "admin");
        String retired = "audited-" + UUID.randomUUID();
        Http.expect(
                201,
                asAdmin.addContent(
                        owner,
                        Admin.title(retired, Admin.newKey(), 600, 0, null, false)
                                .build()
                                .toString()));
        Http.expect(200, asAdmin.retireContent(owner, retired));
        String existing = "audited-" + UUID.randomUUID();
        String title = Admin.title(existing, Admin.newKey(), 600, 0, null, false)
                .build()
                .toString();
        Http.expect(201, asAdmin.addContent(owner, title));

        String a = newUser("admin");
        String aToken = http.token(a, "admin");
        all.add(new Refusal("content-exists", 409, a, false, () -> asAdmin.addContent(aToken, title)));
        String b = newUser("admin");
        String bToken = http.token(b, "admin");
        all.add(new Refusal(
                "content-retired", 409, b, false, () -> asAdmin.updateContent(bToken, retired, policyOnly())));
        String c = newUser("admin");
        String cToken = http.token(c, "admin");
        all.add(new Refusal(
                "unknown-content",
                404,
                c,
                false,
                () -> asAdmin.updateContent(cToken, "no-such-" + existing, policyOnly())));
        String d = newUser("admin");
        String dToken = http.token(d, "admin");
        all.add(new Refusal("invalid-content-id", 400, d, false, () -> asAdmin.content(dToken, "two%20words")));
        String e = newUser("admin");
        String eToken = http.token(e, "admin");
        String badDrms = Admin.title("audited-" + UUID.randomUUID(), Admin.newKey(), 600, 0, null, false)
                .add(
                        "drms",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("drm", "fairplay")
                                        .add("persistent", true)))
                .build()
                .toString();
        all.add(new Refusal("invalid-drms", 400, e, false, () -> asAdmin.addContent(eToken, badDrms)));
    }

    private void devices(List<Refusal> all) {
        String owner = newUser("owner");
        String ownerToken = http.token(owner, "subscriber");
        String admin = http.token(newUser("admin"), "admin");
        asPlayer.bindDevice(ownerToken, Player.newDevice());
        long first = asSubscriber
                .devices(ownerToken)
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Http.expect(200, asAdmin.revoke(admin, owner, first, "{\"reason\":\"lost\"}"));
        asPlayer.bindDevice(ownerToken, Player.newDevice());
        long second = asSubscriber.devices(ownerToken).stream()
                .map(v -> v.asJsonObject())
                .filter(d -> d.getJsonNumber("id").longValue() != first)
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        Http.expect(200, asAdmin.setDeviceLimit(admin, owner, "{\"maxActiveDevices\":1}"));

        String a = newUser("admin");
        String aToken = http.token(a, "admin");
        all.add(new Refusal(
                "device-already-revoked",
                409,
                a,
                false,
                () -> asAdmin.revoke(aToken, owner, first, "{\"reason\":\"again\"}")));
        String b = newUser("admin");
        String bToken = http.token(b, "admin");
        all.add(new Refusal(
                "device-not-revoked",
                409,
                b,
                false,
                () -> asAdmin.restore(bToken, owner, second, "{\"reason\":\"found it\"}")));
        String c = newUser("admin");
        String cToken = http.token(c, "admin");
        all.add(new Refusal(
                "device-limit-reached",
                409,
                c,
                false,
                () -> asAdmin.restore(cToken, owner, first, "{\"reason\":\"found\"}")));
        String d = newUser("admin");
        String dToken = http.token(d, "admin");
        all.add(new Refusal(
                "unknown-device",
                404,
                d,
                false,
                () -> asAdmin.revoke(dToken, owner, 999_999_999L, "{\"reason\":\"lost phone\"}")));

        String remover = newUser("remover");
        String removerToken = http.token(remover, "subscriber");
        asPlayer.bindDevice(removerToken, Player.newDevice());
        asPlayer.bindDevice(removerToken, Player.newDevice());
        JsonArray mine = asSubscriber.devices(removerToken);
        Http.expectStatus(
                204,
                asSubscriber.removeDevice(
                        removerToken, mine.getJsonObject(0).getJsonNumber("id").longValue()));
        long next = mine.getJsonObject(1).getJsonNumber("id").longValue();
        all.add(new Refusal(
                "removal-cooldown", 409, remover, false, () -> asSubscriber.removeDevice(removerToken, next)));
    }

    private void resets(List<Refusal> all) {
        String target = newUser("reset-target");
        String requester = newUser("admin");
        String requesterToken = http.token(requester, "admin");
        long open = Http.expect(201, asAdmin.requestReset(requesterToken, target, "{\"reason\":\"new phone\"}"))
                .getJsonNumber("id")
                .longValue();
        all.add(new Refusal(
                "reset-already-open",
                409,
                requester,
                false,
                () -> asAdmin.requestReset(requesterToken, target, "{\"reason\":\"again\"}")));
        all.add(new Refusal(
                "two-person-rule",
                403,
                requester,
                false,
                () -> asAdmin.decideReset(requesterToken, open, "approve", "{\"reason\":\"myself\"}")));

        String other = newUser("reset-target");
        long decided = Http.expect(
                        201,
                        asAdmin.requestReset(
                                http.token(newUser("admin"), "admin"), other, "{\"reason\":\"lost phone\"}"))
                .getJsonNumber("id")
                .longValue();
        String decider = newUser("admin");
        String deciderToken = http.token(decider, "admin");
        Http.expect(200, asAdmin.decideReset(deciderToken, decided, "reject", "{\"reason\":\"not now\"}"));
        all.add(new Refusal(
                "reset-decided",
                409,
                decider,
                false,
                () -> asAdmin.decideReset(deciderToken, decided, "reject", "{\"reason\":\"not now\"}")));
        String late = newUser("reset-target");
        long expiring = Http.expect(
                        201,
                        asAdmin.requestReset(
                                http.token(newUser("admin"), "admin"),
                                late,
                                "{\"reason\":\"lost phone\",\"validFor\":\"PT1S\"}"))
                .getJsonNumber("id")
                .longValue();
        String tooLate = newUser("admin");
        String tooLateToken = http.token(tooLate, "admin");
        String watcher = http.token(newUser("admin"), "admin");
        all.add(new Refusal("reset-expired", 409, tooLate, false, () -> {
            expired(watcher, expiring);
            return asAdmin.decideReset(tooLateToken, expiring, "approve", "{\"reason\":\"late\"}");
        }));
        String stranger = newUser("admin");
        String strangerToken = http.token(stranger, "admin");
        all.add(new Refusal(
                "unknown-reset-request",
                404,
                stranger,
                false,
                () -> asAdmin.decideReset(strangerToken, 999_999_999L, "approve", "{\"reason\":\"lost phone\"}")));
    }

    private void streams(List<Refusal> all) {
        String viewer = newUser("viewer");
        String viewerToken = http.token(viewer, "subscriber");
        String lease = asPlayer.entitlement(viewerToken, Player.request(1, "demo-movie"))
                .getString("leaseId");
        Http.expectStatus(204, new Streamer(http).end(viewerToken, lease));
        all.add(new Refusal(
                "stream-ended", 409, viewer, false, () -> new Streamer(http).heartbeat(viewerToken, lease)));
        String lost = newUser("viewer");
        String lostToken = http.token(lost, "subscriber");
        all.add(new Refusal(
                "unknown-stream",
                404,
                lost,
                false,
                () -> new Streamer(http).heartbeat(lostToken, UUID.randomUUID().toString())));
        String admin = newUser("admin");
        String adminToken = http.token(admin, "admin");
        all.add(new Refusal(
                "invalid-policy",
                400,
                admin,
                false,
                () -> new Streamer(http)
                        .setGroupPolicy(adminToken, "g".repeat(200), "{\"maxStreams\":2,\"mode\":\"block-new\"}")));
    }

    private void provisioning(List<Refusal> all) {
        String patchOp = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";
        String owner = http.token(newUser("idp"), "provisioner");
        String existing = newUser("scim-user");
        String id = Http.expect(201, scim.create(owner, Provisioner.user(existing, true)))
                .getString("id");
        record Scim(String slug, int status, Function call) {}
        List<Scim> cases = List.of(
                new Scim("scim-invalid-syntax", 400, t -> scim.create(t, "[]")),
                new Scim("scim-invalid-value", 400, t -> scim.create(t, "{\"userName\":\"" + newUser("x") + "\"}")),
                new Scim("scim-uniqueness", 409, t -> scim.create(t, Provisioner.user(existing, true))),
                new Scim("scim-not-found", 404, t -> scim.read(t, "no-such-user")),
                new Scim("scim-mutability", 400, t -> scim.replace(t, id, Provisioner.user(newUser("other"), true))),
                new Scim(
                        "scim-invalid-path",
                        400,
                        t -> scim.patch(
                                t, id, patchOp + "[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}]}")),
                new Scim("scim-no-target", 400, t -> scim.patch(t, id, patchOp + "[{\"op\":\"remove\"}]}")),
                new Scim(
                        "scim-invalid-filter",
                        400,
                        t -> scim.send("GET", "?filter=" + enc("emails co \"x\""), t, null)),
                new Scim(
                        "scim-too-large",
                        413,
                        t -> scim.create(
                                t,
                                Provisioner.user(newUser("x"), true)
                                        .replace(
                                                "\"active\"",
                                                "\"displayName\":\"" + "x".repeat(70_000) + "\",\"active\""))),
                new Scim(
                        "scim-compressed-body",
                        415,
                        t -> http.raw(
                                "POST",
                                "/scim/v2/Users",
                                gzip(Provisioner.user(newUser("x"), true)),
                                "Authorization",
                                "Bearer " + t,
                                "Content-Type",
                                Provisioner.SCIM,
                                "Content-Encoding",
                                "gzip")));
        for (Scim c : cases) {
            String actor = newUser("idp");
            String bearer = http.token(actor, "provisioner");
            all.add(new Refusal(
                    c.slug(), c.status(), actor, true, () -> c.call().apply(bearer)));
        }
    }

    /** A SCIM call made with the bearer token it is given. */
    @FunctionalInterface
    private interface Function {
        HttpResponse<String> apply(String bearer);
    }

    /**
     * The back-channel logout's refusals answer in OpenID Connect's form, to an IdP that is no
     * authenticated caller: each is one SESSION_LOGGED_OUT refusal, checked in BackChannelLogoutIT.
     */
    private static Set<String> logoutSlugs(Set<String> listed) {
        return listed.stream().filter(s -> s.startsWith("logout-")).collect(Collectors.toSet());
    }

    private static Set<String> listedSlugs() throws IOException {
        try (InputStream in = EveryRefusalAuditedIT.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher list = Pattern.compile("x-problem-slugs: \\[([^\\]]*)]").matcher(document);
            assertTrue(list.find(), "the document lists its problem types");
            return Pattern.compile(",\\s*")
                    .splitAsStream(list.group(1).trim())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Waits, as another admin, until the reset request reads as expired. */
    private void expired(String bearer, long reset) {
        try {
            Eventually.eventually(
                    Duration.ofSeconds(10),
                    () -> Http.json(asAdmin.reset(bearer, reset).body()).getString("status"),
                    "EXPIRED"::equals);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reset request expires", e);
        }
    }

    private static String policyOnly() {
        return Json.createObjectBuilder()
                .add("tokenLifetimeSeconds", 60)
                .add("rentalDurationSeconds", 0)
                .add("deviceBindingRequired", false)
                .build()
                .toString();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }
}
