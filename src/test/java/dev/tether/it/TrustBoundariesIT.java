package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens signed by the trusted key but with the wrong claims, and hostile request bodies. */
class TrustBoundariesIT extends TetherIT {

    private String body;
    private String user;
    private String token;
    private String auditor;

    @BeforeEach
    void setUp() {
        body = Player.request(1, "demo-movie").build().toString();
        user = newUser("user");
        token = http.token(user, "subscriber");
        auditor = tokenFor("auditor");
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = http.token(user, "subscriber", "&expiresIn=-300");

        assertEquals(401, asPlayer.sees(expired, body).statusCode());
    }

    @Test
    void aTokenJustPastItsExpiryIsWithinTheClockSkew() {
        String justExpired = http.token(user, "subscriber", "&expiresIn=-5");

        assertEquals(200, asPlayer.sees(justExpired, body).statusCode(), "mp.jwt.verify.clock.skew is 30 s");
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        assertEquals(
                401,
                asPlayer.sees(http.token(user, "subscriber", "&issuer=https://evil.example"), body)
                        .statusCode());
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertEquals(
                401,
                asPlayer.sees(http.token(user, "subscriber", "&audience=another-service"), body)
                        .statusCode());
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndAudited() {
        String huge = "{\"messageID\":\"" + Player.newMessageId()
                + "\",\"version\":1,\"contentID\":\"demo-movie\",\"pad\":\"" + "x".repeat(10_000) + "\"}";

        HttpResponse<String> response = asPlayer.sees(token, huge);

        assertEquals(413, response.statusCode(), "413 in SEES form, as every endpoint answers a body too large");
        JsonObject answer = Http.json(response.body());
        assertEquals(1001, answer.getInt("error"));
        assertTrue(answer.getString("errorText").contains("4096"));
        assertEquals(List.of("INVALID_REQUEST/REFUSED/INVALID_REQUEST"), events());
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsRefused() {
        HttpResponse<String> response = asPlayer.sees(token, body, "text/plain");

        assertEquals(400, response.statusCode());
        assertEquals(1001, Http.json(response.body()).getInt("error"));
    }

    @Test
    void aMessageIdThatIsNotAGuidIsRefusedWithoutEchoingIt() {
        HttpResponse<String> response = asPlayer.sees(
                token,
                Player.request(1, "demo-movie")
                        .add("messageID", "<script>alert(1)</script>")
                        .build()
                        .toString());

        assertEquals(400, response.statusCode());
        JsonObject answer = Http.json(response.body());
        assertEquals(1001, answer.getInt("error"));
        assertFalse(answer.containsKey("messageID"));
        assertFalse(response.body().contains("script"));
    }

    @Test
    void wrongShapesOfCookieAreRefusedWithTheirOwnCode() {
        for (String cookie : List.of("short", "x".repeat(33), "has spaces in it ok", "semi;colon;cookie;;")) {
            JsonObject bound = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
            assertEquals(3001, bound.getInt("error"), cookie);
            JsonObject registration = asPlayer.entitlement(token, Player.request(2, "demo-movie", cookie));
            assertEquals(3001, registration.getInt("error"), cookie);
        }
        assertEquals(
                8,
                events().stream()
                        .filter(e -> e.endsWith("/REFUSED/COOKIE_MALFORMED"))
                        .count());
    }

    @Test
    void nullsAndWrongTypesInEveryFieldAreRefusedNotCrashed() {
        String id = Player.newMessageId();
        for (String bad : List.of(
                "[]",
                "null",
                "\"text\"",
                "{}",
                "{\"messageID\":\"" + id + "\",\"version\":1,\"contentID\":7}",
                "{\"messageID\":\"" + id + "\",\"version\":1.5,\"contentID\":\"demo-movie\"}",
                "{\"messageID\":\"" + id + "\",\"version\":99999999999,\"contentID\":\"demo-movie\"}",
                "{\"messageID\":\"" + id + "\",\"version\":1,\"requestType\":\"3\",\"contentID\":\"demo-movie\"}",
                "{\"messageID\":\"" + id + "\",\"version\":1,\"contentID\":\"demo-movie\",\"customerCookie\":42}",
                "{\"messageID\":\"" + id + "\",\"version\":1,\"contentID\":\"../../etc/passwd\"}")) {
            HttpResponse<String> response = asPlayer.sees(token, bad);
            assertEquals(400, response.statusCode(), bad);
            JsonObject answer = Http.json(response.body());
            assertFalse(answer.getBoolean("isAllowed"), bad);
            assertEquals(1001, answer.getInt("error"), bad);
        }
    }

    /**
     * Every file the server logs to, not only its message log: Liberty's FFDC incidents
     * (logs/ffdc), trace and access logs; WildFly's server and access logs. Scanned for the
     * tokens this test sent and the server rejected, any JWT at all (so the tokens of every test
     * class before this one too), the customer authenticator and token URLs.
     */
    @Test
    void noLogFileOfTheServerHoldsASecret() throws Exception {
        JsonObject granted = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        assertTrue(granted.getBoolean("isAllowed"));
        // Tokens the server rejects, so that its own messages about them are in the logs too: an
        // expired one, another issuer's, a bad signature, one signed by a key the SSO never had,
        // two in one header, and text that does not parse.
        String expired = http.token(user, "subscriber", "&expiresIn=-300");
        String foreign = http.token(user, "subscriber", "&issuer=https://evil.example");
        String unknownKey = signedByAnotherKey(user);
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        List<String> rejected = List.of(expired, foreign, unknownKey, tampered, token + "x", token + " " + token);
        for (String bearer : rejected) {
            assertEquals(401, asPlayer.sees(bearer, body).statusCode());
        }
        assertEquals(
                401, asPlayer.sees("eyJhbGciOiJSUzI1NiJ9.not-base64!.x", body).statusCode());
        java.nio.file.Path messages = java.nio.file.Path.of(System.getProperty("tether.server.log"));
        java.nio.file.Path directory = messages.getParent();
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(directory)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertTrue(files.contains(messages), "the message log is among the files: " + files);

        StringBuilder all = new StringBuilder();
        for (java.nio.file.Path file : files) {
            String read = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            all.append(read);
            String name = directory.relativize(file).toString();
            // The simulator stands in for ExpressPlay on the same server, so the access log holds
            // the requests Tether sends it (the authenticator in the query, as ExpressPlay's API
            // takes it) and the players' license requests to its token URLs; in production those
            // are ExpressPlay's own requests, logged there, not here.
            String text = read.lines()
                    .filter(line -> !line.contains(" /simulator/"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertFalse(text.contains("00112233445566778899aabbccddeeff"), name + ": the customer authenticator");
            assertFalse(text.contains("ExpressPlayToken="), name + ": a token URL");
            if (name.startsWith("ffdc") && tokenBearingIncident(read)) {
                // Known gap (README, "One credential, from one place"): the incident Liberty's JWT
                // consumer writes for a token it rejects dumps the exception (jose4j's description
                // of the JWS) and the JwtContext it was given, the token in both, and no setting
                // of Liberty keeps the incident without them. Only these incidents are let through.
                continue;
            }
            if (name.equals("trace.log")) {
                // Where hideMessage sends what it hides: CWWKS5523E and FFDC1015I of such an
                // incident quote the token; every other line is held to the same rules.
                text = text.lines()
                        .filter(line -> !line.contains("CWWKS5523E")
                                && !(line.contains("FFDC1015I")
                                        && TOKEN_BEARING_INCIDENTS.stream().anyMatch(line::contains)))
                        .collect(java.util.stream.Collectors.joining("\n"));
            }
            String scanned = text;
            for (String bearer : List.of(token, expired, foreign, unknownKey, tampered)) {
                assertFalse(
                        scanned.contains(bearer.substring(bearer.lastIndexOf('.') + 1)),
                        name + ": a bearer token's signature");
                assertFalse(scanned.contains(bearer.substring(0, bearer.lastIndexOf('.'))), name + ": a bearer token");
            }
            java.util.regex.Matcher jwt = java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}")
                    .matcher(scanned);
            boolean found = jwt.find();
            assertFalse(found, () -> name + ": a JWT: " + around(scanned, jwt));
            assertFalse(
                    scanned.contains(granted.getString("epTokenURL")
                            .substring(granted.getString("epTokenURL").indexOf('=') + 1)),
                    name + ": a token URL's token");
        }
        assertTrue(
                all.toString().contains("HHH000412"), "these are the server's logs, and Hibernate is the JPA provider");
    }

    /**
     * The exceptions of Liberty's JWT consumer whose FFDC incidents hold the rejected token: a
     * signature that does not verify ({@code ConsumerUtil.processJwtContextWithConsumer}).
     */
    private static final List<String> TOKEN_BEARING_INCIDENTS =
            List.of("org.jose4j.jwt.consumer.InvalidJwtSignatureException");

    /** An FFDC incident of Liberty's JWT consumer for one of {@link #TOKEN_BEARING_INCIDENTS}. */
    private static boolean tokenBearingIncident(String incident) {
        return incident.contains("\nSource = com.ibm.ws.security.jwt.internal.ConsumerUtil")
                && TOKEN_BEARING_INCIDENTS.stream().anyMatch(e -> incident.contains("\nException = " + e + "\n"));
    }

    private static String around(String text, java.util.regex.Matcher match) {
        int start = Math.max(0, match.start() - 200);
        return text.substring(start, Math.min(text.length(), match.start() + 40))
                .replaceAll("eyJ[A-Za-z0-9_-]{12}", "eyJ…");
    }

    private static String signedByAnotherKey(String subject) throws Exception {
        com.nimbusds.jose.jwk.RSAKey foreign = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyID(java.util.UUID.randomUUID().toString())
                .generate();
        java.time.Instant now = java.time.Instant.now();
        com.nimbusds.jwt.SignedJWT forged = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                        .keyID(foreign.getKeyID())
                        .build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                        .issuer("https://sso.tether.dev")
                        .audience("tether")
                        .subject(subject)
                        .claim("upn", subject)
                        .claim("groups", List.of("subscriber"))
                        .issueTime(java.util.Date.from(now))
                        .expirationTime(java.util.Date.from(now.plusSeconds(600)))
                        .build());
        forged.sign(new com.nimbusds.jose.crypto.RSASSASigner(foreign));
        return forged.serialize();
    }

    private List<String> events() {
        return Auditor.withReasons(asAuditor.events(auditor, user));
    }
}
