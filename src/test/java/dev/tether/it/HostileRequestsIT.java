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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
                sees("\"contentID\":\"demo-movie\",\"x\":" + "{\"a\":".repeat(1_200) + "1" + "}".repeat(1_200));
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
                        400,
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

    @Test
    void everyHostileSeesRequestIsRefusedPreciselyAndLeavesOnlyItsRefusal() {
        List<SeesCase> cases = seesCases().toList();
        assertTrue(cases.size() >= 38);
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
            JsonArray events = asAuditor.events(auditor, user);
            assertEquals(1, events.size(), c.name() + ": exactly the refusal is recorded: " + events);
            JsonObject event = events.getJsonObject(0);
            assertEquals("REFUSED", event.getString("outcome"), c.name());
            assertEquals(c.reason(), event.getString("reasonCode"), c.name());
            assertFalse(event.containsKey("tokenFingerprint"), c.name());
        }
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

        for (String[] c : new String[][] {
            {"no header", null},
            {"empty bearer", "Bearer "},
            {"basic credentials", "Basic dXNlcjpwYXNz"},
            {"unsigned token", "Bearer " + unsigned},
            {"algorithm confusion", "Bearer " + confused.serialize()},
            {"signature stripped", "Bearer " + signatureStripped},
            {"alg none header", "Bearer " + headerSwapped},
            {"token twice", "Bearer " + valid + " " + valid},
            {"SQL in the bearer", "Bearer ' OR 1=1 --"}
        }) {
            HttpResponse<String> response = asPlayer.seesAuthorized(c[1], body);
            assertEquals(401, response.statusCode(), c[0] + ": " + response.body());
            assertFalse(response.body().contains("epTokenURL"), c[0]);
            assertNoInternals(c[0], response.body());
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
        assertProblem(http.sso("user=&groups=subscriber"), 400, "bad-user");
        assertProblem(http.sso("user=eve&groups=" + enc("subscriber,admin;drop table x")), 400, "bad-groups");
    }

    private static void assertProblem(HttpResponse<?> response, int status, String type) {
        String body = Http.text(response);
        assertEquals(status, response.statusCode(), body);
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Http.json(body).getString("type").endsWith("/" + type), body);
        assertNoInternals(type, body);
    }

    private static void assertExpressPlay(HttpResponse<?> response, int status, int code) {
        String body = Http.text(response);
        assertEquals(status, response.statusCode(), body);
        assertEquals(code, Http.json(body).getInt("errorCode"), body);
        assertNoInternals(Integer.toString(code), body);
    }

    private static void assertNoInternals(String name, String body) {
        assertFalse(body.contains("Exception"), name + ": " + body);
        assertFalse(body.contains("\tat "), name + ": " + body);
        assertFalse(body.contains("dev.tether"), name + ": " + body);
    }
}
