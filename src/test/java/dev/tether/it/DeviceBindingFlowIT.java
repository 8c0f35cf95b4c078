package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SEES flows end to end: Tether, its REST client, the simulator and the database, over real HTTP. */
class DeviceBindingFlowIT extends TetherIT {

    private static final String DEVICE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String DEVICE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private String user;
    private String token;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = newUser("user");
        token = tether.token(user, "subscriber");
        auditor = tokenFor("auditor");
    }

    @Test
    void aDeviceBoundTokenLicensesTheRegisteredDeviceOnly() throws Exception {
        JsonObject registration = tether.entitlement(token, TetherClient.request(2, "demo-movie"));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        String cookie = registration.getString("customerCookie");
        assertEquals(24, cookie.length());

        HttpResponse<byte[]> registered = tether.redeem(registration.getString("epTokenURL"),
                tether.spc(DEVICE_A, TetherClient.REGISTRATION_CONTENT));
        assertEquals(200, registered.statusCode());

        JsonObject bound = tether.entitlement(token, TetherClient.request(3, "demo-movie", cookie));
        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        String boundUrl = bound.getString("epTokenURL");

        HttpResponse<byte[]> license = tether.redeem(boundUrl, tether.spc(DEVICE_A, "demo-movie"));
        assertEquals(200, license.statusCode());
        JsonObject ckc = TetherClient.ckcClaims(license.body());
        assertEquals("demo-movie", ckc.getString("assetId"));
        assertEquals(DEVICE_A, ckc.getString("deviceId"));
        assertEquals(48 * 3600, ckc.getInt("rentalDuration"), "the content's rental duration");

        HttpResponse<byte[]> otherDevice = tether.redeem(boundUrl, tether.spc(DEVICE_B, "demo-movie"));
        assertEquals(400, otherDevice.statusCode());
        assertEquals(-6004, TetherClient.json(new String(otherDevice.body(), StandardCharsets.UTF_8)).getInt("errorCode"));

        JsonObject again = tether.entitlement(token, TetherClient.request(3, "demo-movie", cookie));
        assertTrue(again.getBoolean("isAllowed"));

        JsonArray events = tether.audit(auditor, user);
        assertEquals(List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_BOUND_TOKEN/GRANTED",
                "DEVICE_RESOLUTION/GRANTED", "REGISTRATION/GRANTED"), kinds(events),
                "the device id is looked up once, then read from Tether's database");
        JsonObject issued = events.getJsonObject(1);
        assertEquals(fingerprint(boundUrl), issued.getString("tokenFingerprint"));
        assertEquals(DEVICE_A, issued.getString("deviceId"));
        assertEquals(cookie, issued.getString("cookie"));
        assertEquals(fingerprint(registration.getString("epTokenURL")), events.getJsonObject(3).getString("tokenFingerprint"));
        assertFalse(events.toString().contains("ExpressPlayToken"), "no token URL in the audit trail");
    }

    @Test
    void aTimeBasedTokenLicensesAnyDeviceUntilItsWindowCloses() throws Exception {
        JsonObject granted = tether.entitlement(token, TetherClient.request(1, "demo-movie"));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        assertFalse(granted.containsKey("customerCookie"));

        HttpResponse<byte[]> license = tether.redeem(granted.getString("epTokenURL"), tether.spc(DEVICE_B, "demo-movie"));
        assertEquals(200, license.statusCode());
        assertEquals(DEVICE_B, TetherClient.ckcClaims(license.body()).getString("deviceId"));

        JsonArray events = tether.audit(auditor, user);
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED"), kinds(events));
        JsonObject event = events.getJsonObject(0);
        assertEquals(fingerprint(granted.getString("epTokenURL")), event.getString("tokenFingerprint"));
        Instant expiry = Instant.parse(event.getString("tokenExpiresAt"));
        Instant at = Instant.parse(event.getString("occurredAt"));
        assertEquals(Duration.ofHours(1).toSeconds(), Duration.between(at, expiry).toSeconds(), "the content's token window");
    }

    @Test
    void aBoundTokenIsRefusedAfterItsWindowCloses() throws Exception {
        String cookie = registeredDevice(DEVICE_A);

        // demo-preview's token window is 3 seconds: redeemable at first, refused once it closes.
        byte[] spc = tether.spc(DEVICE_A, "demo-preview");
        JsonObject bound = tether.entitlement(token, TetherClient.request(3, "demo-preview", cookie));
        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        String url = bound.getString("epTokenURL");
        assertEquals(200, tether.redeem(url, spc).statusCode(), "redeemable inside its window");

        HttpResponse<byte[]> late = eventually(Duration.ofSeconds(20), () -> tether.redeem(url, spc),
                response -> response.statusCode() != 200);
        assertEquals(400, late.statusCode());
        JsonObject error = TetherClient.json(new String(late.body(), StandardCharsets.UTF_8));
        assertEquals(-4010, error.getInt("errorCode"));
        assertEquals("token expired", error.getString("errorMessage"));
    }

    @Test
    void aCookieThatWasNeverRegisteredIsRefused() {
        String messageId = TetherClient.newMessageId();
        JsonObject refused = tether.entitlement(token, TetherClient.request(3, "demo-movie", "neverRegistered-0123456789")
                .add("messageID", messageId));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3002, refused.getInt("error"));
        assertEquals(messageId, refused.getString("messageID"));
        assertFalse(refused.containsKey("epTokenURL"));
        assertEquals(List.of("DEVICE_BOUND_TOKEN/REFUSED/NOT_REGISTERED"), refusals(tether.audit(auditor, user)));
    }

    @Test
    void aDeviceBoundRequestBeforeTheRegistrationTokenWasRedeemedIsRefused() {
        JsonObject registration = tether.entitlement(token, TetherClient.request(2, "demo-movie"));
        String cookie = registration.getString("customerCookie");

        JsonObject refused = tether.entitlement(token, TetherClient.request(3, "demo-movie", cookie));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3006, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("registration"));
        assertEquals(List.of("DEVICE_RESOLUTION/REFUSED/DEVICE_NOT_REDEEMED", "REGISTRATION/GRANTED"),
                refusals(tether.audit(auditor, user)));
    }

    @Test
    void anotherUsersCookieIsRefusedAndAuditedWithTheUserWhoTried() {
        String cookie = registeredDevice(DEVICE_A);
        String mallory = "mallory-" + UUID.randomUUID();

        JsonObject refused = tether.entitlement(tether.token(mallory, "subscriber"),
                TetherClient.request(3, "demo-movie", cookie));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3003, refused.getInt("error"));
        JsonArray events = tether.audit(auditor, mallory);
        assertEquals(List.of("DEVICE_BOUND_TOKEN/REFUSED/COOKIE_OF_ANOTHER_USER"), refusals(events));
        assertFalse(events.getJsonObject(0).containsKey("deviceId"), "no device of Alice's flows to Mallory");
    }

    @Test
    void aClientChosenCookieIsKeptAndCannotBeRegisteredTwice() {
        String cookie = "client-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        JsonObject first = tether.entitlement(token, TetherClient.request(2, "demo-movie", cookie));
        JsonObject second = tether.entitlement(token, TetherClient.request(2, "demo-movie", cookie));

        assertTrue(first.getBoolean("isAllowed"));
        assertEquals(cookie, first.getString("customerCookie"));
        assertFalse(second.getBoolean("isAllowed"));
        assertEquals(3005, second.getInt("error"));
    }

    @Test
    void malformedRequestsGetSeesErrorsWithHttp400() {
        HttpResponse<String> notJson = tether.sees(token, "{not json");
        assertEquals(400, notJson.statusCode());
        JsonObject notJsonBody = TetherClient.json(notJson.body());
        assertEquals(1001, notJsonBody.getInt("error"));
        assertFalse(notJsonBody.getBoolean("isAllowed"));

        String messageId = TetherClient.newMessageId();
        HttpResponse<String> badVersion = tether.sees(token,
                TetherClient.request(1, "demo-movie").add("messageID", messageId).add("version", 7).build().toString());
        assertEquals(400, badVersion.statusCode());
        JsonObject badVersionBody = TetherClient.json(badVersion.body());
        assertEquals(1002, badVersionBody.getInt("error"));
        assertEquals(1, badVersionBody.getInt("version"), "the highest supported version");
        assertEquals(messageId, badVersionBody.getString("messageID"));

        HttpResponse<String> badType = tether.sees(token, TetherClient.request(9, "demo-movie").build().toString());
        assertEquals(400, badType.statusCode());
        assertEquals(1003, TetherClient.json(badType.body()).getInt("error"));

        HttpResponse<String> stringVersion = tether.sees(token,
                "{\"messageID\":\"" + TetherClient.newMessageId() + "\",\"version\":\"1\",\"contentID\":\"demo-movie\"}");
        assertEquals(400, stringVersion.statusCode());
        assertFalse(stringVersion.body().contains("Exception"));

        JsonObject unknown = tether.entitlement(token, TetherClient.request(1, "no-such-title"));
        assertEquals(2001, unknown.getInt("error"), "a policy refusal is HTTP 200");

        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/UNKNOWN_CONTENT", "INVALID_REQUEST/REFUSED/INVALID_REQUEST",
                "INVALID_REQUEST/REFUSED/UNKNOWN_REQUEST_TYPE", "INVALID_REQUEST/REFUSED/UNSUPPORTED_VERSION",
                "INVALID_REQUEST/REFUSED/INVALID_REQUEST"), refusals(tether.audit(auditor, user)));
    }

    @Test
    void theOriginalSeesServletPathAnswersToo() {
        HttpResponse<String> response = tether.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base.toString().replaceAll("/$", "") + "/sees/SEESServlet"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        TetherClient.request(1, "demo-movie").build().toString()))
                .build());

        assertEquals(200, response.statusCode());
        assertTrue(TetherClient.json(response.body()).getBoolean("isAllowed"));
    }

    @Test
    void concurrentRequestsForOneCookieResolveTheDeviceOnceAndAllSucceed() throws Exception {
        String cookie = registeredDevice(DEVICE_A);
        int parallel = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tether.sees(token, TetherClient.request(3, "demo-movie", cookie).build().toString());
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(TetherClient.json(response.body()).getBoolean("isAllowed"), response.body());
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> kinds = kinds(tether.audit(auditor, user));
        assertEquals(1, kinds.stream().filter("DEVICE_RESOLUTION/GRANTED"::equals).count(), kinds.toString());
        assertEquals(parallel, kinds.stream().filter("DEVICE_BOUND_TOKEN/GRANTED"::equals).count(), kinds.toString());
    }

    /** Registers {@code device} for the signed-in user and returns the cookie. */
    private String registeredDevice(String device) {
        JsonObject registration = tether.entitlement(token, TetherClient.request(2, "demo-movie"));
        assertEquals(200, tether.redeem(registration.getString("epTokenURL"),
                tether.spc(device, TetherClient.REGISTRATION_CONTENT)).statusCode());
        return registration.getString("customerCookie");
    }

    private static List<String> kinds(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type") + "/" + e.getString("outcome"))
                .toList();
    }

    private static List<String> refusals(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type") + "/" + e.getString("outcome")
                        + (e.containsKey("reasonCode") ? "/" + e.getString("reasonCode") : ""))
                .toList();
    }

    private static String fingerprint(String tokenUrl) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenUrl.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
