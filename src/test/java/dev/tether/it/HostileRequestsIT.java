package dev.tether.it;

import static dev.tether.it.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile and malformed requests against the real server: the SEES endpoint, the
 * JWT layer and the simulator's public surface. Each case asserts the status and the error code;
 * SEES cases also assert that the only trace left is the refusal's audit event (no binding, no
 * token), and no answer carries a stack trace or an internal exception's name.
 */
class HostileRequestsIT extends TetherIT {

    private static final String GUID = "6f1c2a9e-0b7d-4c38-9a51-2e7f0d4b8c11";

    private String auditor;

    @BeforeEach
    void setUp() {
        auditor = tokenFor("auditor");
    }

    /** A SEES request body and what it must get: HTTP status, SEES error, audited reason. */
    private record SeesCase(String name, String contentType, String body, int status, int error, String reason) {}

    private static String sees(String fields) {
        return "{\"messageID\":\"" + GUID + "\",\"version\":1," + fields + "}";
    }

    private static Stream<SeesCase> seesCases() {
        String nestedArrays = "[".repeat(2_000) + "]".repeat(2_000);
        String nestedField =
                sees("\"contentID\":\"demo-movie\",\"x\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500));
        return Stream.of(
                new SeesCase("empty body", "application/json", "", 400, 1001, "INVALID_REQUEST"),
                new SeesCase("truncated JSON", "application/json", "{\"messageID\":", 400, 1001, "INVALID_REQUEST"),
                new SeesCase("JSON array", "application/json", "[1,2,3]", 400, 1001, "INVALID_REQUEST"),
                new SeesCase("JSON string", "application/json", "\"hello\"", 400, 1001, "INVALID_REQUEST"),
                new SeesCase("deeply nested arrays", "application/json", nestedArrays, 400, 1001, "INVALID_REQUEST"),
                new SeesCase("deeply nested field", "application/json", nestedField, 400, 1001, "INVALID_REQUEST"),
                new SeesCase(
                        "100 kB body",
                        "application/json",
                        sees("\"contentID\":\"" + "a".repeat(100_000) + "\""),
                        413,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "messageID SQL injection",
                        "application/json",
                        "{\"messageID\":\"' OR 1=1 --\",\"version\":1,\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "messageID with a newline",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\\n\",\"version\":1,\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "messageID in full-width digits",
                        "application/json",
                        "{\"messageID\":\"\uFF16f1c2a9e-0b7d-4c38-9a51-2e7f0d4b8c11\",\"version\":1,\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "messageID a number",
                        "application/json",
                        "{\"messageID\":42,\"version\":1,\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "version missing",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "version a string",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"version\":\"1\",\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "version a fraction",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"version\":1.5,\"contentID\":\"demo-movie\"}",
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "version 0",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"version\":0,\"contentID\":\"demo-movie\"}",
                        400,
                        1002,
                        "UNSUPPORTED_VERSION"),
                new SeesCase(
                        "version 2",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"version\":2,\"contentID\":\"demo-movie\"}",
                        400,
                        1002,
                        "UNSUPPORTED_VERSION"),
                new SeesCase(
                        "version negative",
                        "application/json",
                        "{\"messageID\":\"" + GUID + "\",\"version\":-1,\"contentID\":\"demo-movie\"}",
                        400,
                        1002,
                        "UNSUPPORTED_VERSION"),
                new SeesCase(
                        "requestType 0",
                        "application/json",
                        sees("\"requestType\":0,\"contentID\":\"demo-movie\""),
                        400,
                        1003,
                        "UNKNOWN_REQUEST_TYPE"),
                new SeesCase(
                        "requestType 4",
                        "application/json",
                        sees("\"requestType\":4,\"contentID\":\"demo-movie\""),
                        400,
                        1003,
                        "UNKNOWN_REQUEST_TYPE"),
                new SeesCase(
                        "requestType null",
                        "application/json",
                        sees("\"requestType\":null,\"contentID\":\"demo-movie\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "requestType a string",
                        "application/json",
                        sees("\"requestType\":\"3\",\"contentID\":\"demo-movie\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID missing",
                        "application/json",
                        sees("\"requestType\":1"),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID empty",
                        "application/json",
                        sees("\"contentID\":\"\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID SQL injection",
                        "application/json",
                        sees("\"contentID\":\"demo-movie' OR '1'='1\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID unicode",
                        "application/json",
                        sees("\"contentID\":\"d\u00e9mo-movie\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID NUL character",
                        "application/json",
                        sees("\"contentID\":\"demo\\u0000movie\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID path traversal",
                        "application/json",
                        sees("\"contentID\":\"../../etc/passwd\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID 200 characters",
                        "application/json",
                        sees("\"contentID\":\"" + "a".repeat(200) + "\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "contentID unknown",
                        "application/json",
                        sees("\"contentID\":\"no-such-title\""),
                        200,
                        2001,
                        "UNKNOWN_CONTENT"),
                new SeesCase(
                        "cookie SQL injection",
                        "application/json",
                        sees(
                                "\"requestType\":3,\"contentID\":\"demo-movie\",\"customerCookie\":\"x' OR '1'='1'--aaaa\""),
                        200,
                        3001,
                        "COOKIE_MALFORMED"),
                new SeesCase(
                        "cookie header injection",
                        "application/json",
                        sees(
                                "\"requestType\":2,\"contentID\":\"demo-movie\",\"customerCookie\":\"abcdefgh\\r\\nSet-Cookie: x=y\""),
                        200,
                        3001,
                        "COOKIE_MALFORMED"),
                new SeesCase(
                        "cookie unicode",
                        "application/json",
                        sees("\"requestType\":2,\"contentID\":\"demo-movie\",\"customerCookie\":\""
                                + "\u00e9".repeat(20) + "\""),
                        200,
                        3001,
                        "COOKIE_MALFORMED"),
                new SeesCase(
                        "cookie control characters",
                        "application/json",
                        sees(
                                "\"requestType\":3,\"contentID\":\"demo-movie\",\"customerCookie\":\"abcdefgh\\u0007\\u001bijklmnop\""),
                        200,
                        3001,
                        "COOKIE_MALFORMED"),
                new SeesCase(
                        "cookie 33 characters",
                        "application/json",
                        sees("\"requestType\":2,\"contentID\":\"demo-movie\",\"customerCookie\":\"" + "a".repeat(33)
                                + "\""),
                        200,
                        3001,
                        "COOKIE_MALFORMED"),
                new SeesCase(
                        "cookie an object",
                        "application/json",
                        sees("\"requestType\":3,\"contentID\":\"demo-movie\",\"customerCookie\":{}"),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "device-bound without a cookie",
                        "application/json",
                        sees("\"requestType\":3,\"contentID\":\"demo-movie\""),
                        200,
                        3002,
                        "NOT_REGISTERED"),
                new SeesCase(
                        "content type XML",
                        "application/xml",
                        sees("\"contentID\":\"demo-movie\""),
                        400,
                        1001,
                        "INVALID_REQUEST"),
                new SeesCase(
                        "content type form",
                        "application/x-www-form-urlencoded",
                        "messageID=" + GUID,
                        400,
                        1001,
                        "INVALID_REQUEST"));
    }

    /**
     * Bodies that a lenient reader would grant: repeated members (a request that reads as
     * device-bound to one reader and time-based to another), a second document, numbers a parser
     * rounds, overflows or cannot represent, and content types that are not JSON in UTF-8. Each
     * is 1001 with its one INVALID_REQUEST event.
     */
    private static Stream<SeesCase> strictJsonCases() {
        String time = "\"contentID\":\"demo-movie\"";
        return Stream.of(
                        sees("\"requestType\":3,\"requestType\":1," + time),
                        sees("\"requestType\":1," + time + ",\"contentID\":\"demo-preview\""),
                        "{\"messageID\":\"" + GUID + "\",\"messageID\":\"" + GUID + "\",\"version\":1," + time + "}",
                        sees(time + ",\"x\":{\"a\":1,\"a\":2}"),
                        sees(time) + sees("\"requestType\":3," + time),
                        sees(time) + "[]",
                        sees(time) + " x",
                        sees(time) + ",",
                        "{\"messageID\":\"" + GUID + "\",\"version\":1e0," + time + "}",
                        "{\"messageID\":\"" + GUID + "\",\"version\":1.0," + time + "}",
                        "{\"messageID\":\"" + GUID + "\",\"version\":1E999999999," + time + "}",
                        "{\"messageID\":\"" + GUID + "\",\"version\":-1e-999999999," + time + "}",
                        "{\"messageID\":\"" + GUID + "\",\"version\":100000000000000000000001," + time + "}",
                        sees("\"requestType\":3.0," + time),
                        sees("\"requestType\":0.3e1," + time),
                        sees(time + ",\"x\":[[[[[[[[[1]]]]]]]]]"))
                .map(body -> new SeesCase(body, "application/json", body, 400, 1001, "INVALID_REQUEST"));
    }

    private static Stream<SeesCase> contentTypeCases() {
        String body = sees("\"contentID\":\"demo-movie\"");
        return Stream.of(
                        null,
                        "application/json; charset=ISO-8859-1",
                        "application/json; charset=utf-16",
                        "application/json; charset=utf-8; boundary=x",
                        "application/jsonx",
                        "text/json",
                        "application/problem+json",
                        "*/*")
                .map(type -> new SeesCase("content type " + type, type, body, 400, 1001, "INVALID_REQUEST"));
    }

    @Test
    void everyHostileSeesRequestIsRefusedPreciselyAndLeavesOnlyItsRefusal() {
        List<SeesCase> cases = Stream.of(seesCases(), strictJsonCases(), contentTypeCases())
                .flatMap(c -> c)
                .toList();
        assertTrue(cases.size() >= 62);
        for (SeesCase c : cases) {
            String user = "hostile-" + UUID.randomUUID();
            String token = http.token(user, "subscriber");

            HttpResponse<String> response = asPlayer.sees(token, c.body(), c.contentType());

            assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
            JsonObject answer = Http.json(response.body());
            assertFalse(answer.getBoolean("isAllowed"), c.name());
            assertEquals(c.error(), answer.getInt("error"), c.name());
            assertFalse(answer.containsKey("epTokenURL"), c.name());
            assertFalse(answer.containsKey("customerCookie"), c.name() + ": no binding made");
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), c.name());
            assertNoInternals(c.name(), response.body());
            assertNoInternalHeaders(c.name(), response);
            JsonArray events = asAuditor.events(auditor, user);
            assertEquals(1, events.size(), c.name() + ": exactly the refusal is recorded: " + events);
            JsonObject event = events.getJsonObject(0);
            assertEquals("REFUSED", event.getString("outcome"), c.name());
            assertEquals(c.reason(), event.getString("reasonCode"), c.name());
            assertFalse(event.containsKey("tokenFingerprint"), c.name());
        }
    }

    @Test
    void aSeesBodyThatIsNotUtf8OrIsCompressedIsRefusedWithItsOneEvent() throws Exception {
        byte[] latin1 = sees("\"contentID\":\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(sees("\"contentID\":\"demo-movie\"").getBytes(StandardCharsets.UTF_8));
        }
        record Raw(String name, byte[] body, String... headers) {}
        for (Raw c : List.of(
                new Raw("ISO-8859-1 bytes", latin1, "Content-Type", "application/json"),
                new Raw(
                        "UTF-16 bytes",
                        sees("\"contentID\":\"demo-movie\"").getBytes(StandardCharsets.UTF_16),
                        "Content-Type",
                        "application/json"),
                new Raw("gzip", zipped.toByteArray(), "Content-Type", "application/json", "Content-Encoding", "gzip"),
                new Raw(
                        "deflate",
                        zipped.toByteArray(),
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        "deflate"))) {
            String user = newUser("hostile");
            String[] headers = Stream.concat(
                            Stream.of(c.headers()),
                            Stream.of("Authorization", "Bearer " + http.token(user, "subscriber")))
                    .toArray(String[]::new);

            HttpResponse<String> response = http.raw("POST", Player.SEES, c.body(), headers);

            assertEquals(400, response.statusCode(), c.name() + ": " + response.body());
            assertEquals(1001, Http.json(response.body()).getInt("error"), c.name());
            assertNoInternals(c.name(), response.body());
            assertNoInternalHeaders(c.name(), response);
            assertEquals(
                    List.of("INVALID_REQUEST/REFUSED/INVALID_REQUEST"),
                    Auditor.withReasons(asAuditor.events(auditor, user)),
                    c.name());
        }
    }

    /** A body of Tether's own API and the problem it must get. */
    private record BodyCase(String name, String contentType, String body, int status, String type) {}

    private static Stream<BodyCase> bodyCases() {
        String limit = "\"maxActiveDevices\":";
        return Stream.of(
                new BodyCase("a string for an integer", "application/json", "{" + limit + "\"5\"}", 400, "wrong-type"),
                new BodyCase("true for an integer", "application/json", "{" + limit + "true}", 400, "wrong-type"),
                new BodyCase("an object for an integer", "application/json", "{" + limit + "{}}", 400, "wrong-type"),
                new BodyCase("an int overflow", "application/json", "{" + limit + "3000000000}", 400, "wrong-type"),
                new BodyCase("a fraction", "application/json", "{" + limit + "5.5}", 400, "bad-number"),
                new BodyCase("an integral fraction", "application/json", "{" + limit + "5.0}", 400, "bad-number"),
                new BodyCase("an exponent", "application/json", "{" + limit + "5e0}", 400, "bad-number"),
                new BodyCase("a parser overflow", "application/json", "{" + limit + "1e999999999}", 400, "bad-number"),
                new BodyCase("20 digits", "application/json", "{" + limit + "12345678901234567890}", 400, "bad-number"),
                new BodyCase(
                        "a repeated member",
                        "application/json",
                        "{" + limit + "5," + limit + "1}",
                        400,
                        "duplicate-member"),
                new BodyCase(
                        "a second object",
                        "application/json",
                        "{" + limit + "5}{" + limit + "1}",
                        400,
                        "unreadable-body"),
                new BodyCase("trailing text", "application/json", "{" + limit + "5} and more", 400, "unreadable-body"),
                new BodyCase("an array", "application/json", "[5]", 400, "unreadable-body"),
                new BodyCase("null", "application/json", "null", 400, "unreadable-body"),
                new BodyCase("empty", "application/json", "", 400, "unreadable-body"),
                new BodyCase("not JSON", "application/json", "{" + limit, 400, "unreadable-body"),
                new BodyCase(
                        "too deep",
                        "application/json",
                        "{" + limit + "5,\"x\":[[[[[[[[[1]]]]]]]]]}",
                        400,
                        "unreadable-body"),
                new BodyCase("out of range", "application/json", "{" + limit + "101}", 400, "invalid-request"),
                new BodyCase("text/plain", "text/plain", "{" + limit + "5}", 400, "bad-content-type"),
                new BodyCase("no content type", null, "{" + limit + "5}", 400, "bad-content-type"),
                new BodyCase(
                        "ISO-8859-1",
                        "application/json; charset=ISO-8859-1",
                        "{" + limit + "5}",
                        400,
                        "bad-content-type"),
                new BodyCase(
                        "a parameter", "application/json; boundary=x", "{" + limit + "5}", 400, "bad-content-type"),
                new BodyCase("XML", "application/xml", "<limit>5</limit>", 400, "bad-content-type"),
                new BodyCase(
                        "over 16 KiB",
                        "application/json",
                        "{" + limit + "5,\"pad\":\"" + "x".repeat(17_000) + "\"}",
                        413,
                        "body-too-large"));
    }

    @Test
    void everyUnreadableApiBodyIsAProblemThatChangesNothingAndLeavesOneEventOfItsCaller() throws Exception {
        String adminUser = newUser("admin");
        String admin = http.token(adminUser, "admin");
        String target = newUser("target");
        List<BodyCase> cases = bodyCases().toList();
        for (BodyCase c : cases) {
            List<String> headers = new java.util.ArrayList<>(List.of("Authorization", "Bearer " + admin));
            if (c.contentType() != null) {
                headers.addAll(List.of("Content-Type", c.contentType()));
            }
            HttpResponse<String> response = http.raw(
                    "PUT",
                    "/api/admin/users/" + target + "/device-limit",
                    c.body().getBytes(StandardCharsets.UTF_8),
                    headers.toArray(String[]::new));

            assertProblem(c.name(), response, c.status(), c.type());
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(("{\"maxActiveDevices\":5,\"pad\":\"" + " ".repeat(1_000_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertProblem(
                "gzip",
                http.raw(
                        "PUT",
                        "/api/admin/users/" + target + "/device-limit",
                        zipped.toByteArray(),
                        "Authorization",
                        "Bearer " + admin,
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        "gzip"),
                415,
                "compressed-body");

        JsonObject limit = Http.expect(200, asAdmin.deviceLimit(admin, target));
        assertFalse(limit.containsKey("override") && !limit.isNull("override"), "nothing was set: " + limit);
        assertEquals(List.of(), Auditor.kinds(asAuditor.events(auditor, target)), "the target's trail is untouched");
        JsonArray events = asAuditor.events(auditor, adminUser, 100);
        assertEquals(cases.size() + 1, events.size(), "one event per refusal: " + events);
        for (JsonValue value : events) {
            JsonObject event = value.asJsonObject();
            assertEquals("REQUEST_REFUSED", event.getString("type"), event.toString());
            assertEquals("REFUSED", event.getString("outcome"));
            assertEquals(adminUser, event.getString("actorId"));
            assertFalse(event.toString().contains("xxxxxxxx"), "no body in the trail");
        }
    }

    @Test
    void refusedCatalogStepsLeaveTheirOneEventWithTheAdminAsActor() {
        String adminUser = newUser("admin");
        String admin = http.token(adminUser, "admin");
        String id = "hostile-" + UUID.randomUUID();
        String title =
                Admin.title(id, Admin.newKey(), 600, 0, null, false).build().toString();
        Http.expect(201, asAdmin.addContent(admin, title));

        assertProblem("exists", asAdmin.addContent(admin, title), 409, "content-exists");
        assertProblem("unknown", asAdmin.updateContent(admin, "no-such-" + id, policyOnly()), 404, "unknown-content");
        Http.expect(200, asAdmin.retireContent(admin, id));
        assertProblem("retired", asAdmin.updateContent(admin, id, policyOnly()), 409, "content-retired");
        assertProblem("retired twice", asAdmin.retireContent(admin, id), 409, "content-retired");
        assertProblem("bad id", asAdmin.content(admin, "two%20words"), 400, "invalid-content-id");

        JsonArray events = asAuditor.events(auditor, adminUser);
        assertEquals(
                List.of(
                        "REQUEST_REFUSED/REFUSED/INVALID_CONTENT_ID",
                        "CONTENT_RETIRED/REFUSED/CONTENT_RETIRED",
                        "CONTENT_UPDATED/REFUSED/CONTENT_RETIRED",
                        "CONTENT_RETIRED/GRANTED/",
                        "CONTENT_UPDATED/REFUSED/UNKNOWN_CONTENT",
                        "CONTENT_CREATED/REFUSED/CONTENT_EXISTS",
                        "CONTENT_CREATED/GRANTED/"),
                Auditor.withReasons(events));
        for (JsonValue event : events) {
            assertEquals(adminUser, event.asJsonObject().getString("actorId"), event.toString());
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

    @Test
    void everyOutOfRangeParameterIsItsBadProblemNotA404Or500() {
        String a = auditor;
        String cursorAtTheEndOfTime = java.util.Base64.getUrlEncoder()
                .encodeToString("+1000000000-12-31T23:59:59Z|1".getBytes(StandardCharsets.UTF_8));
        for (String[] c : new String[][] {
            {"events?limit=abc", "bad-limit"},
            {"events?limit=", "bad-limit"},
            {"events?limit=0", "bad-limit"},
            {"events?limit=-1", "bad-limit"},
            {"events?limit=501", "bad-limit"},
            {"events?limit=1e2", "bad-limit"},
            {"events?limit=99999999999999999999", "bad-limit"},
            {"events?limit=%2B5", "bad-limit"},
            {"events?from=" + enc("+1000000000-01-01T00:00:00Z"), "bad-time"},
            {"events?to=" + enc("-1000000000-01-01T00:00:00Z"), "bad-time"},
            {"events?from=" + enc("+10000-01-01T00:00:00Z"), "bad-time"},
            {"events?from=2026-13-01T00:00:00Z", "bad-time"},
            {"events?after=" + cursorAtTheEndOfTime, "bad-cursor"},
            {"export?from=" + enc("+1000000000-01-01T00:00:00Z"), "bad-time"},
            {"summary?from=" + enc("-999999999-01-01T00:00:00Z"), "bad-time"},
            {"summary?to=0001-01-02T00:00:00Z", "bad-time-range"},
            {"summary?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z", "bad-time-range"}
        }) {
            assertProblem(c[0], http.get("/api/audit/" + c[0], a), 400, c[1]);
        }
        Http.expect(200, http.get("/api/audit/summary?from=0001-01-01T00:00:00Z&to=0001-12-31T00:00:00Z", a));

        String user = newUser("linked");
        String token = http.token(user, "subscriber");
        asPlayer.sees(token, Player.request(1, "no-such-title").build().toString());
        asPlayer.sees(token, Player.request(1, "no-such-title").build().toString());
        HttpResponse<String> page = http.raw(
                "GET",
                "/api/audit/events?limit=1&user=" + enc(user),
                null,
                "Authorization",
                "Bearer " + a,
                "X-Forwarded-Host",
                "evil.example",
                "X-Forwarded-Proto",
                "https",
                "Forwarded",
                "host=evil.example;proto=https");
        String link = page.headers().firstValue("Link").orElseThrow();
        assertFalse(link.contains("evil.example"), link);
        assertTrue(link.startsWith("</"), "relative to the request unless tether.api.public-base-url is set: " + link);
        Http.expect(200, http.get("/api/audit/events?from=9999-12-31T00:00:00Z&limit=500", a));
    }

    @Test
    void freeTextRefusesInvisibleAndBidirectionalCharactersAndExportsAreSafeToOpen() {
        String adminUser = newUser("admin");
        String admin = http.token(adminUser, "admin");
        for (String reason :
                List.of("approved\u202eexe.pdf", "zero\u200bwidth", "line\u2028separator", "bell\\u0007")) {
            assertProblem(
                    reason,
                    asAdmin.requestReset(admin, newUser("target"), "{\"reason\":\"" + reason + "\"}"),
                    400,
                    "invalid-request");
        }
        for (String subject : List.of("eve\u202e", "\u200badmin", "mallory\u2029")) {
            assertEquals(
                    401,
                    asPlayer.sees(
                                    http.token(subject, "subscriber"),
                                    Player.request(1, "demo-movie").build().toString())
                            .statusCode(),
                    "a subject that breaks the user id rule identifies nobody");
        }

        String formula = "=HYPERLINK(\"http://evil.example\")-" + UUID.randomUUID();
        asPlayer.sees(
                http.token(formula, "subscriber"),
                Player.request(1, "-1-1").build().toString());
        HttpResponse<byte[]> export = asAuditor.export(auditor, "user=" + enc(formula));
        String csv = new String(export.body(), StandardCharsets.UTF_8);
        assertEquals(200, export.statusCode(), csv);
        String row = csv.split("\r\n")[1];
        assertTrue(row.contains(",\"'" + formula.replace("\"", "\"\"") + "\","), row);
        assertTrue(row.contains(",\"'-1-1\","), row);
    }

    @Test
    void oneCredentialFromOnePlaceCheckedWithTheConfiguredClockSkew() {
        String user = newUser("credential");
        String valid = http.token(user, "subscriber");
        String other = http.token(newUser("other"), "subscriber");
        byte[] body = Player.request(1, "demo-movie").build().toString().getBytes(StandardCharsets.UTF_8);
        for (String[] c : new String[][] {
            {"two valid tokens", "Bearer " + valid, "Bearer " + other},
            {"valid, then garbage", "Bearer " + valid, "Bearer x"},
            {"garbage, then valid", "Basic dXNlcjpwYXNz", "Bearer " + valid}
        }) {
            for (String path : List.of(Player.SEES, "/api/devices")) {
                HttpResponse<String> response = http.raw(
                        path.equals(Player.SEES) ? "POST" : "GET",
                        path,
                        path.equals(Player.SEES) ? body : null,
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        c[1],
                        "Authorization",
                        c[2]);
                assertEquals(401, response.statusCode(), c[0] + " at " + path + ": " + response.body());
                assertFalse(response.body().contains("epTokenURL"), c[0]);
            }
        }
        for (String[] c : new String[][] {
            {"query", "?access_token=" + valid, "Cookie", "x=y"},
            {"cookie Bearer", "", "Cookie", "Bearer=" + valid},
            {"cookie jwt", "", "Cookie", "jwt=" + valid + "; access_token=" + valid}
        }) {
            HttpResponse<String> response =
                    http.raw("POST", Player.SEES + c[1], body, "Content-Type", "application/json", c[2], c[3]);
            assertEquals(401, response.statusCode(), c[0] + ": " + response.body());
        }
        HttpResponse<String> form = http.raw(
                "POST",
                Player.SEES,
                ("access_token=" + valid).getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(401, form.statusCode(), "a token in a form body: " + form.body());
        assertEquals(List.of(), Auditor.kinds(asAuditor.events(auditor, user)), "no request was read as the user's");

        // mp.jwt.verify.clock.skew is 30 s: twice past it is refused, well inside it accepted.
        String body1 = Player.request(1, "demo-movie").build().toString();
        assertEquals(
                401,
                asPlayer.sees(http.token(user, "subscriber", "&expiresIn=-60"), body1)
                        .statusCode());
        assertEquals(
                200,
                asPlayer.sees(http.token(user, "subscriber", "&expiresIn=-15"), body1)
                        .statusCode());
    }

    @Test
    void aReplayedRegistrationCannotTakeOverItsCookie() {
        String cookie =
                "replay-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String alice = http.token("alice-" + UUID.randomUUID(), "subscriber");
        String body = Player.request(2, "demo-movie", cookie).build().toString();

        HttpResponse<String> first = asPlayer.sees(alice, body);
        HttpResponse<String> replayed = asPlayer.sees(alice, body);
        HttpResponse<String> byMallory = asPlayer.sees(http.token("mallory-" + UUID.randomUUID(), "subscriber"), body);

        assertTrue(Http.json(first.body()).getBoolean("isAllowed"));
        assertEquals(3005, Http.json(replayed.body()).getInt("error"));
        assertEquals(3005, Http.json(byMallory.body()).getInt("error"));
    }

    @Test
    void theJwtLayerRefusesEveryKindOfBadToken() throws Exception {
        String body = Player.request(1, "demo-movie").build().toString();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://sso.tether.dev")
                .audience("tether")
                .subject("mallory")
                .claim("groups", List.of("subscriber"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build();
        String unsigned = new PlainJWT(claims).serialize();
        // HS256 keyed with the public key: the classic algorithm-confusion forgery.
        byte[] publicKey = http.get("/simulator/sso/jwks", null).body().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        confused.sign(
                new MACSigner(java.security.MessageDigest.getInstance("SHA-256").digest(publicKey)));
        String valid = http.token("alice-" + UUID.randomUUID(), "subscriber");
        String[] parts = valid.split("\\.");
        String signatureStripped = parts[0] + "." + parts[1] + ".";
        String headerSwapped = Base64URL.encode("{\"alg\":\"none\"}").toString() + "." + parts[1] + "." + parts[2];
        // Signed by a key the SSO never had, under a kid it never named: 401 on both servers, not 500.
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT unknownKey = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("unknown-" + UUID.randomUUID())
                        .build(),
                claims);
        unknownKey.sign(new com.nimbusds.jose.crypto.RSASSASigner(
                generator.generateKeyPair().getPrivate()));

        for (String[] c : new String[][] {
            {"no header", null},
            {"empty bearer", "Bearer "},
            {"basic credentials", "Basic dXNlcjpwYXNz"},
            {"unsigned token", "Bearer " + unsigned},
            {"algorithm confusion", "Bearer " + confused.serialize()},
            {"signature stripped", "Bearer " + signatureStripped},
            {"alg none header", "Bearer " + headerSwapped},
            {"token twice", "Bearer " + valid + " " + valid},
            {"SQL in the bearer", "Bearer ' OR 1=1 --"},
            {"unknown signing key", "Bearer " + unknownKey.serialize()},
            {"lower-case scheme, token twice", "bearer " + valid + "," + valid}
        }) {
            HttpResponse<String> response = asPlayer.seesAuthorized(c[1], body);
            assertEquals(401, response.statusCode(), c[0] + ": " + response.body());
            assertFalse(response.body().contains("epTokenURL"), c[0]);
            assertNoInternals(c[0], response.body());
            assertNoInternalHeaders(c[0], response);
        }
    }

    @Test
    void theSimulatorsPublicSurfaceRefusesBadInputWithExpressPlaysCodesOrProblems() {
        String root = Http.simulatorOrigin(base);
        assertProblem(http.postBytes(root + "/simulator/devices/zz/spc?assetId=a", new byte[0]), 400, "bad-device-id");
        assertProblem(
                http.postBytes(
                        root + "/simulator/devices/" + "a".repeat(40) + "/spc?assetId=" + enc("a' OR '1'='1"),
                        new byte[0]),
                400,
                "bad-asset-id");
        assertProblem(
                http.postBytes(root + "/simulator/devices/" + "a".repeat(40) + "/spc", new byte[0]),
                400,
                "bad-asset-id");
        assertExpressPlay(
                http.postBytes(root + "/simulator/expressplay/hms/fp/rights/?ExpressPlayToken=garbage", new byte[10]),
                400,
                -4010);
        String url = asPlayer.entitlement(
                        http.token("alice-" + UUID.randomUUID(), "subscriber"), Player.request(1, "demo-movie"))
                .getString("epTokenURL");
        assertExpressPlay(http.postBytes(url, new byte[0]), 400, -6004);
        assertExpressPlay(http.postBytes(url, "not an SPC at all".getBytes(StandardCharsets.UTF_8)), 400, -6004);
        assertExpressPlay(http.postBytes(url, new byte[20_000]), 400, -6004);
        String token = root + "/simulator/expressplay/hms/fp/token?errorFormat=json";
        assertExpressPlay(http.get(token.substring(root.length()) + "&contentKey=" + "0".repeat(32), null), 401, -2017);
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json&customerAuthenticator="
                                + enc("1000,ffffffffffffffffffffffffffffffff"),
                        null),
                401,
                -2018);
        String account = "&customerAuthenticator=" + enc("1000,00112233445566778899aabbccddeeff");
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json" + account + "&contentKey="
                                + "0".repeat(31) + "&iv=" + "0".repeat(32),
                        null),
                400,
                -2027);
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json" + account + "&contentKey="
                                + "0".repeat(32) + "&iv=xyz",
                        null),
                400,
                -6003);
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json" + account + "&contentKey="
                                + "0".repeat(32) + "&iv=" + "0".repeat(32) + "&expirationTime=%2B9999999",
                        null),
                400,
                -2002);
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json" + account + "&contentKey="
                                + "0".repeat(32) + "&iv=" + "0".repeat(32) + "&cookie=" + "c".repeat(33),
                        null),
                400,
                -2033);
        assertExpressPlay(
                http.get(
                        "/simulator/expressplay/hms/fp/token?errorFormat=json" + account + "&contentKey="
                                + "0".repeat(32) + "&iv=" + "0".repeat(32) + "&rentalDuration=-5",
                        null),
                400,
                -6007);
        byte[] zippedForm = gzip("user=eve&groups=subscriber&pad=" + "a".repeat(1_000_000));
        assertProblem(
                http.raw(
                        "POST",
                        "/simulator/sso/token",
                        zippedForm,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Content-Encoding",
                        "gzip"),
                415,
                "compressed-body");
        assertProblem(
                http.raw(
                        "POST",
                        "/simulator/expressplay/hms/fp/rights/?ExpressPlayToken=garbage",
                        zippedForm,
                        "Content-Type",
                        "application/octet-stream",
                        "Content-Encoding",
                        "deflate"),
                415,
                "compressed-body");
        assertProblem(http.sso("user=&groups=subscriber"), 400, "bad-user");
        assertProblem(http.sso("user=eve&groups=" + enc("subscriber,admin;drop table x")), 400, "bad-groups");
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    private static void assertProblem(HttpResponse<?> response, int status, String type) {
        assertProblem(type, response, status, type);
    }

    private static void assertProblem(String name, HttpResponse<?> response, int status, String type) {
        String body = Http.text(response);
        assertEquals(status, response.statusCode(), name + ": " + body);
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""),
                name);
        assertEquals(status, Http.json(body).getInt("status"), name + ": " + body);
        assertTrue(Http.json(body).getString("type").endsWith("/" + type), name + ": " + body);
        assertNoInternals(name, body);
        assertNoInternalHeaders(name, response);
    }

    /** A raw exchange's status line, header lines and body. */
    private record Exchange(int status, List<String> headers, String body) {
        String header(String name) {
            return headers.stream()
                    .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).trim())
                    .findFirst()
                    .orElse("");
        }
    }

    /**
     * A request whose {@code Host} is a foreign one, which no HTTP client of the JDK lets a caller
     * choose, and which says it came through a proxy for the same host.
     */
    private Exchange fromAForeignHost(String method, String path, String bearer, String contentType, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(base.getPath().replaceAll("/$", ""))
                .append(path)
                .append(" HTTP/1.0\r\nHost: evil.example\r\n")
                .append("X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n")
                .append("X-Forwarded-Port: 443\r\nForwarded: host=evil.example;proto=https\r\n");
        if (bearer != null) {
            request.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            return new Exchange(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    List.of(lines).subList(1, lines.length),
                    text.substring(end + 4));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** No URL Tether hands out, on any endpoint that hands one out, names the host the client said. */
    @Test
    void noUrlTetherHandsOutNamesTheHostTheClientChose() {
        Exchange console = fromAForeignHost("GET", "/console", null, null, null);
        assertEquals(301, console.status(), console.toString());
        String page = console.header("Location");
        assertFalse(page.contains("evil.example"), page);
        assertEquals(base.getPath().replaceAll("/$", "") + "/console/", page, "a path, not an address");

        String provisioner = http.token(newUser("idp-provisioning"), "provisioner");
        String userName = newUser("linked-scim");
        Exchange created = fromAForeignHost(
                "POST", "/scim/v2/Users", provisioner, Provisioner.SCIM, Provisioner.user(userName, true));
        assertEquals(201, created.status(), created.toString());
        String id = Http.json(created.body()).getString("id");
        String location = base.getPath().replaceAll("/$", "") + "/scim/v2/Users/" + id;
        assertEquals(location, created.header("Location"), created.toString());
        assertEquals(location, Http.json(created.body()).getJsonObject("meta").getString("location"), created.body());
        for (String read :
                List.of("/scim/v2/Users/" + id, "/scim/v2/Users?filter=" + enc("userName eq \"" + userName + "\""))) {
            Exchange answer = fromAForeignHost("GET", read, provisioner, null, null);
            assertEquals(200, answer.status(), read + ": " + answer);
            assertFalse(answer.body().contains("evil.example"), read + ": " + answer.body());
            assertTrue(answer.body().contains("\"location\":\"" + location + "\""), read + ": " + answer.body());
        }

        String user = newUser("linked-host");
        String token = http.token(user, "subscriber");
        asPlayer.sees(token, Player.request(1, "no-such-title").build().toString());
        asPlayer.sees(token, Player.request(1, "no-such-title").build().toString());
        Exchange events = fromAForeignHost("GET", "/api/audit/events?limit=1&user=" + enc(user), auditor, null, null);
        assertEquals(200, events.status(), events.toString());
        String link = events.header("Link");
        assertTrue(link.startsWith("<" + base.getPath().replaceAll("/$", "") + "/api/audit/events?"), link);
        for (Exchange answer : List.of(console, created, events)) {
            assertFalse(answer.toString().contains("evil.example"), answer.toString());
        }
    }

    /** No header is the server's own or carries a message id. */
    private static void assertNoInternalHeaders(String name, HttpResponse<?> response) {
        assertNoInternalHeaderNames(name, response.headers().map().keySet());
        response.headers().map().forEach((header, values) -> {
            for (String value : values) {
                assertFalse(value.matches(".*\\b[A-Z]{4,5}[0-9]{4}[IEW]\\b.*"), name + ": " + header + ": " + value);
            }
        });
    }

    private static void assertExpressPlay(HttpResponse<?> response, int status, int code) {
        String body = Http.text(response);
        assertEquals(status, response.statusCode(), body);
        assertEquals(code, Http.json(body).getInt("errorCode"), body);
        assertNoInternals(Integer.toString(code), body);
    }

    private static void assertNoInternals(String name, String body) {
        assertFalse(body.matches("(?s).*\\b[A-Z]{4,5}[0-9]{4}[IEW]\\b.*"), name + ": a server message id: " + body);
        assertFalse(body.contains("Exception"), name + ": " + body);
        assertFalse(body.contains("\tat "), name + ": " + body);
        assertFalse(body.contains("dev.tether"), name + ": " + body);
    }
}
