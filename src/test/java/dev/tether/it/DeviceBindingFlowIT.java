package dev.tether.it;

import static dev.tether.it.Auditor.fingerprint;
import static dev.tether.it.Auditor.kinds;
import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
        token = http.token(user, "subscriber");
        auditor = tokenFor("auditor");
    }

    @Test
    void aDeviceBoundTokenLicensesTheRegisteredDeviceOnly() throws Exception {
        JsonObject registration = asPlayer.entitlement(token, Player.request(2, "demo-movie"));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        String cookie = registration.getString("customerCookie");
        assertEquals(24, cookie.length());

        HttpResponse<byte[]> registered = asPlayer.redeem(
                registration.getString("epTokenURL"), asPlayer.spc(DEVICE_A, Player.REGISTRATION_CONTENT));
        assertEquals(200, registered.statusCode());

        JsonObject bound = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        String boundUrl = bound.getString("epTokenURL");

        HttpResponse<byte[]> license = asPlayer.redeem(boundUrl, asPlayer.spc(DEVICE_A, "demo-movie"));
        assertEquals(200, license.statusCode());
        JsonObject ckc = Player.ckcClaims(license.body());
        assertEquals("demo-movie", ckc.getString("assetId"));
        assertEquals(DEVICE_A, ckc.getString("deviceId"));
        assertEquals(48 * 3600, ckc.getInt("rentalDuration"), "the content's rental duration");

        HttpResponse<byte[]> otherDevice = asPlayer.redeem(boundUrl, asPlayer.spc(DEVICE_B, "demo-movie"));
        assertEquals(400, otherDevice.statusCode());
        assertEquals(-6004, Http.json(otherDevice.body()).getInt("errorCode"));

        JsonObject again = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
        assertTrue(again.getBoolean("isAllowed"));

        JsonArray events = asAuditor.events(auditor, user);
        assertEquals(
                List.of(
                        "DEVICE_BOUND_TOKEN/GRANTED",
                        "DEVICE_BOUND_TOKEN/GRANTED",
                        "DEVICE_RESOLUTION/GRANTED",
                        "REGISTRATION/GRANTED"),
                kinds(events),
                "the device id is looked up once, then read from Tether's database");
        JsonObject issued = events.getJsonObject(1);
        assertEquals(fingerprint(boundUrl), issued.getString("tokenFingerprint"));
        assertEquals(DEVICE_A, issued.getString("deviceId"));
        assertEquals(cookie, issued.getString("cookie"));
        assertEquals(
                fingerprint(registration.getString("epTokenURL")),
                events.getJsonObject(3).getString("tokenFingerprint"));
        assertFalse(events.toString().contains("ExpressPlayToken"), "no token URL in the audit trail");
    }

    /**
     * The simulator knows the device restriction only by its documented name, {@code deviceid},
     * whatever Tether is configured with: a token asked for with another spelling is bound to no
     * device, so a Tether that sent the wrong name would license device B above and fail this class.
     */
    @Test
    void theDeviceRestrictionBindsOnlyByItsDocumentedName() {
        String ask = "/simulator/expressplay/hms/fp/token?customerAuthenticator="
                + Http.enc("1000,00112233445566778899aabbccddeeff") + "&contentKey=" + "0".repeat(32) + "&iv="
                + "0".repeat(32) + "&expirationTime=%2B600&cookie=c-"
                + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> documented = http.get(ask + "&deviceid=" + DEVICE_A, null);
        HttpResponse<String> misspelled = http.get(ask + "&deviceId=" + DEVICE_A, null);
        assertEquals(200, documented.statusCode(), documented.body());
        assertEquals(200, misspelled.statusCode(), misspelled.body());

        byte[] spcOfB = asPlayer.spc(DEVICE_B, "demo-movie");
        assertEquals(400, asPlayer.redeem(documented.body().strip(), spcOfB).statusCode(), "bound to A, refused to B");
        HttpResponse<byte[]> unbound = asPlayer.redeem(misspelled.body().strip(), spcOfB);
        assertEquals(200, unbound.statusCode(), "a name the simulator does not know restricts nothing");
        assertEquals(DEVICE_B, Player.ckcClaims(unbound.body()).getString("deviceId"));
    }

    @Test
    void aTimeBasedTokenLicensesAnyDeviceUntilItsWindowCloses() throws Exception {
        JsonObject granted = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        assertFalse(granted.containsKey("customerCookie"));

        HttpResponse<byte[]> license =
                asPlayer.redeem(granted.getString("epTokenURL"), asPlayer.spc(DEVICE_B, "demo-movie"));
        assertEquals(200, license.statusCode());
        assertEquals(DEVICE_B, Player.ckcClaims(license.body()).getString("deviceId"));

        JsonArray events = asAuditor.events(auditor, user);
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED"), kinds(events));
        JsonObject event = events.getJsonObject(0);
        assertEquals(fingerprint(granted.getString("epTokenURL")), event.getString("tokenFingerprint"));
        Instant expiry = Instant.parse(event.getString("tokenExpiresAt"));
        Instant at = Instant.parse(event.getString("occurredAt"));
        assertEquals(
                Duration.ofHours(1).toSeconds(),
                Duration.between(at, expiry).toSeconds(),
                "the content's token window");
    }

    @Test
    void aBoundTokenIsRefusedAfterItsWindowCloses() throws Exception {
        String cookie = asPlayer.registerDevice(token, DEVICE_A);

        // demo-preview's token window is 3 seconds: redeemable at first, refused once it closes.
        byte[] spc = asPlayer.spc(DEVICE_A, "demo-preview");
        JsonObject bound = asPlayer.entitlement(token, Player.request(3, "demo-preview", cookie));
        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        String url = bound.getString("epTokenURL");
        assertEquals(200, asPlayer.redeem(url, spc).statusCode(), "redeemable inside its window");

        HttpResponse<byte[]> late = eventually(
                Duration.ofSeconds(20), () -> asPlayer.redeem(url, spc), response -> response.statusCode() != 200);
        assertEquals(400, late.statusCode());
        JsonObject error = Http.json(late.body());
        assertEquals(-4010, error.getInt("errorCode"));
        assertEquals("token expired", error.getString("errorMessage"));
    }

    @Test
    void aCookieThatWasNeverRegisteredIsRefused() {
        String messageId = Player.newMessageId();
        JsonObject refused = asPlayer.entitlement(
                token,
                Player.request(3, "demo-movie", "neverRegistered-0123456789").add("messageID", messageId));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3002, refused.getInt("error"));
        assertEquals(messageId, refused.getString("messageID"));
        assertFalse(refused.containsKey("epTokenURL"));
        assertEquals(List.of("DEVICE_BOUND_TOKEN/REFUSED/NOT_REGISTERED"), refusals(asAuditor.events(auditor, user)));
    }

    @Test
    void aDeviceBoundRequestBeforeTheRegistrationTokenWasRedeemedIsRefused() {
        JsonObject registration = asPlayer.entitlement(token, Player.request(2, "demo-movie"));
        String cookie = registration.getString("customerCookie");

        JsonObject refused = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3006, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("registration"));
        assertEquals(
                List.of("DEVICE_RESOLUTION/REFUSED/DEVICE_NOT_REDEEMED", "REGISTRATION/GRANTED"),
                refusals(asAuditor.events(auditor, user)));
    }

    @Test
    void anotherUsersCookieIsRefusedAndAuditedWithTheUserWhoTried() {
        String cookie = asPlayer.registerDevice(token, DEVICE_A);
        String mallory = "mallory-" + UUID.randomUUID();

        JsonObject refused =
                asPlayer.entitlement(http.token(mallory, "subscriber"), Player.request(3, "demo-movie", cookie));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3003, refused.getInt("error"));
        JsonArray events = asAuditor.events(auditor, mallory);
        assertEquals(List.of("DEVICE_BOUND_TOKEN/REFUSED/COOKIE_OF_ANOTHER_USER"), refusals(events));
        assertFalse(events.getJsonObject(0).containsKey("deviceId"), "no device of Alice's flows to Mallory");
    }

    @Test
    void aClientChosenCookieIsKeptAndCannotBeRegisteredTwice() {
        String cookie =
                "client-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        JsonObject first = asPlayer.entitlement(token, Player.request(2, "demo-movie", cookie));
        JsonObject second = asPlayer.entitlement(token, Player.request(2, "demo-movie", cookie));

        assertTrue(first.getBoolean("isAllowed"));
        assertEquals(cookie, first.getString("customerCookie"));
        assertFalse(second.getBoolean("isAllowed"));
        assertEquals(3005, second.getInt("error"));
    }

    @Test
    void malformedRequestsGetSeesErrorsWithHttp400() {
        HttpResponse<String> notJson = asPlayer.sees(token, "{not json");
        assertEquals(400, notJson.statusCode());
        JsonObject notJsonBody = Http.json(notJson.body());
        assertEquals(1001, notJsonBody.getInt("error"));
        assertFalse(notJsonBody.getBoolean("isAllowed"));

        String messageId = Player.newMessageId();
        HttpResponse<String> badVersion = asPlayer.sees(
                token,
                Player.request(1, "demo-movie")
                        .add("messageID", messageId)
                        .add("version", 7)
                        .build()
                        .toString());
        assertEquals(400, badVersion.statusCode());
        JsonObject badVersionBody = Http.json(badVersion.body());
        assertEquals(1002, badVersionBody.getInt("error"));
        assertEquals(1, badVersionBody.getInt("version"), "the highest supported version");
        assertEquals(messageId, badVersionBody.getString("messageID"));

        HttpResponse<String> badType =
                asPlayer.sees(token, Player.request(9, "demo-movie").build().toString());
        assertEquals(400, badType.statusCode());
        assertEquals(1003, Http.json(badType.body()).getInt("error"));

        HttpResponse<String> stringVersion = asPlayer.sees(
                token,
                "{\"messageID\":\"" + Player.newMessageId() + "\",\"version\":\"1\",\"contentID\":\"demo-movie\"}");
        assertEquals(400, stringVersion.statusCode());
        assertFalse(stringVersion.body().contains("Exception"));

        JsonObject unknown = asPlayer.entitlement(token, Player.request(1, "no-such-title"));
        assertEquals(2001, unknown.getInt("error"), "a policy refusal is HTTP 200");

        assertEquals(
                List.of(
                        "TIME_BASED_TOKEN/REFUSED/UNKNOWN_CONTENT",
                        "INVALID_REQUEST/REFUSED/INVALID_REQUEST",
                        "INVALID_REQUEST/REFUSED/UNKNOWN_REQUEST_TYPE",
                        "INVALID_REQUEST/REFUSED/UNSUPPORTED_VERSION",
                        "INVALID_REQUEST/REFUSED/INVALID_REQUEST"),
                refusals(asAuditor.events(auditor, user)));
    }

    @Test
    void theOriginalSeesServletPathAnswersToo() {
        HttpResponse<String> response = asPlayer.seesAt(
                Player.SEES_SERVLET,
                "Bearer " + token,
                Player.request(1, "demo-movie").build().toString(),
                "application/json");

        assertEquals(200, response.statusCode());
        assertTrue(Http.json(response.body()).getBoolean("isAllowed"));
    }

    @Test
    void concurrentRequestsForOneCookieResolveTheDeviceOnceAndAllSucceed() throws Exception {
        String cookie = asPlayer.registerDevice(token, DEVICE_A);
        int parallel = 8;
        for (HttpResponse<String> response : Concurrently.atOnce(
                Concurrently.times(
                        parallel,
                        () -> asPlayer.sees(
                                token,
                                Player.request(3, "demo-movie", cookie).build().toString())),
                Duration.ofSeconds(60))) {
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(Http.json(response.body()).getBoolean("isAllowed"), response.body());
        }

        List<String> kinds = kinds(asAuditor.events(auditor, user));
        assertEquals(
                1, kinds.stream().filter("DEVICE_RESOLUTION/GRANTED"::equals).count(), kinds.toString());
        assertEquals(
                parallel,
                kinds.stream().filter("DEVICE_BOUND_TOKEN/GRANTED"::equals).count(),
                kinds.toString());
    }

    private static List<String> refusals(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type") + "/" + e.getString("outcome")
                        + (e.containsKey("reasonCode") ? "/" + e.getString("reasonCode") : ""))
                .toList();
    }
}
