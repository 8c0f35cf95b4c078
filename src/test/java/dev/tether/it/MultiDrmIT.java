package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Widevine and PlayReady beside FairPlay (issue 16), end to end: titles packaged for several DRMs
 * through the catalog API, the SEES {@code drm} member, each DRM's token API at the simulator with
 * exactly the rights the title's policy holds (read back from the license the simulator issues),
 * PlayReady's device binding with the right device licensed and the wrong one refused by the
 * simulator, and Widevine's unsupported binding by the title's policy both ways.
 */
class MultiDrmIT extends TetherIT {

    private static final String CUSTOMER = "1000";

    private String user;
    private String token;
    private String admin;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = newUser("drm");
        token = http.token(user, "subscriber");
        admin = tokenFor("admin");
        auditor = tokenFor("auditor");
    }

    /** A device id of the shape PlayReady validates (and the simulator gives Widevine devices): 32 hex digits. */
    static String newDrmDevice() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonObjectBuilder sees(int requestType, String contentId, String drm) {
        return Player.request(requestType, contentId).add("drm", drm);
    }

    private byte[] challenge(String drm, String device, String asset) {
        HttpResponse<byte[]> response = http.sendBytes(HttpRequest.newBuilder(http.uri(
                        "/simulator/devices/" + device + "/challenge?drm=" + drm + "&assetId=" + Http.enc(asset)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, response.statusCode(), "device lab");
        return response.body();
    }

    /**
     * A title of this test's own, with FairPlay and the given DRMs; returns its id. FairPlay, so
     * that tests which play every title of the catalog with FairPlay (ContentCatalogIT) can play it.
     */
    private String title(long rentalSeconds, JsonObjectBuilder... drms) {
        String id = "drm-" + UUID.randomUUID();
        var list = Json.createArrayBuilder().add(drm("fairplay"));
        for (JsonObjectBuilder drm : drms) {
            list.add(drm);
        }
        String body = Admin.title(id, Admin.newKey(), 3600, rentalSeconds, null, false)
                .add("drms", list)
                .build()
                .toString();
        JsonObject created = Http.expect(201, asAdmin.addContent(admin, body));
        assertEquals(drms.length + 1, created.getJsonArray("drms").size(), created.toString());
        return id;
    }

    private static JsonObjectBuilder drm(String name) {
        JsonObjectBuilder drm = Json.createObjectBuilder().add("drm", name);
        if (!name.equals("fairplay")) {
            drm.add("keyId", Admin.newKey());
        }
        return drm;
    }

    private JsonObject latestEvent() {
        return asAuditor.events(auditor, user).getJsonObject(0);
    }

    @Test
    void aWidevineTimeBasedTokenCarriesTheTitlesOutputProtectionAndRental() {
        String kid = Admin.newKey();
        String id = title(
                7200, drm("widevine").add("keyId", kid).add("securityLevel", 3).add("hdcpOutputControl", 2));

        JsonObject granted = asPlayer.entitlement(token, sees(1, id, "widevine"));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        String url = granted.getString("epTokenURL");
        assertTrue(url.contains("/hms/wv/rights/?ExpressPlayToken="), url);
        assertFalse(granted.containsKey("licenseAcquisitionUrl"));
        assertFalse(granted.containsKey("deviceBound"), "stated for device-bound requests only");

        String device = newDrmDevice();
        HttpResponse<byte[]> license = asPlayer.redeem(url, challenge("widevine", device, id));
        assertEquals(200, license.statusCode(), new String(license.body()));
        JsonObject claims = Player.ckcClaims(license.body());
        assertEquals("widevine", claims.getString("drm"));
        assertEquals(device, claims.getString("deviceId"));
        JsonObject rights = claims.getJsonObject("rights");
        assertEquals(kid, rights.getString("kid"));
        assertEquals("3", rights.getString("securityLevel"), "what the simulator received");
        assertEquals("2", rights.getString("hdcpOutputControl"));
        assertEquals("7200", rights.getString("licenseDuration"), "the title's rental as Widevine's licenseDuration");

        JsonObject event = latestEvent();
        assertEquals("TIME_BASED_TOKEN", event.getString("type"));
        assertEquals("widevine", event.getJsonObject("detail").getString("drm"));
        assertFalse(event.getJsonObject("detail").getBoolean("deviceBound"));
    }

    @Test
    void aWidevineTitleTakesTheSafeDefaultsAndFairPlayStaysTheDefaultDrm() {
        JsonObject view = Http.expect(200, asAdmin.content(admin, "demo-multi-drm"));
        JsonArray drms = view.getJsonArray("drms");
        assertEquals(3, drms.size(), view.toString());
        JsonObject widevine = drms.getJsonObject(1);
        assertEquals("widevine", widevine.getString("drm"));
        assertEquals(5, widevine.getInt("securityLevel"));
        assertEquals(1, widevine.getInt("hdcpOutputControl"), "HDCP required");
        assertEquals("refuse", widevine.getString("unboundPolicy"));
        assertFalse(widevine.getBoolean("deviceBinding"));
        JsonObject playReady = drms.getJsonObject(2);
        assertEquals(300, playReady.getInt("uncompressedDigitalVideoOPL"));
        assertFalse(playReady.getBoolean("persistent"), "no offline by default");

        JsonObject fairPlay = asPlayer.entitlement(token, Player.request(1, "demo-multi-drm"));
        assertTrue(fairPlay.getString("epTokenURL").contains("/hms/fp/rights/"), fairPlay.toString());
        JsonObject widevineToken = asPlayer.entitlement(token, sees(1, "demo-multi-drm", "widevine"));
        HttpResponse<byte[]> license = asPlayer.redeem(
                widevineToken.getString("epTokenURL"), challenge("widevine", newDrmDevice(), "demo-multi-drm"));
        JsonObject rights = Player.ckcClaims(license.body()).getJsonObject("rights");
        assertEquals("5", rights.getString("securityLevel"));
        assertEquals("1", rights.getString("hdcpOutputControl"));
        assertEquals(String.valueOf(48 * 3600), rights.getString("licenseDuration"));
    }

    @Test
    void aTitleNotPackagedForTheDrmIsRefusedWithItsOwnCode() {
        JsonObject refused = asPlayer.entitlement(token, sees(1, "demo-movie", "widevine"));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(2005, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("packaged for fairplay"), refused.toString());
        assertEquals(
                "TIME_BASED_TOKEN/REFUSED/DRM_NOT_AVAILABLE",
                Auditor.withReasons(asAuditor.events(auditor, user)).get(0));
        JsonObject refusedPlayReady = asPlayer.entitlement(token, sees(3, "demo-movie", "playready", "x"));
        assertEquals(2005, refusedPlayReady.getInt("error"));
    }

    private static JsonObjectBuilder sees(int requestType, String contentId, String drm, String cookie) {
        return sees(requestType, contentId, drm).add("customerCookie", cookie);
    }

    /** Registers a Widevine or PlayReady device as a player would; returns the cookie. */
    private String register(String drm, String device) {
        JsonObject registration = asPlayer.entitlement(token, sees(2, "demo-multi-drm", drm));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        HttpResponse<byte[]> redeemed = asPlayer.redeem(
                registration.getString("epTokenURL"), challenge(drm, device, Player.REGISTRATION_CONTENT));
        assertEquals(200, redeemed.statusCode(), new String(redeemed.body()));
        return registration.getString("customerCookie");
    }

    @Test
    void aPlayReadyDeviceBoundTokenLicensesTheRegisteredDeviceOnly() {
        String id = title(
                86400,
                drm("playready")
                        .add("analogVideoOPL", 150)
                        .add("compressedDigitalAudioOPL", 200)
                        .add("compressedDigitalVideoOPL", 400)
                        .add("uncompressedDigitalAudioOPL", 250)
                        .add("uncompressedDigitalVideoOPL", 270)
                        .add("unknownOutputBehavior", "SDOnly"));
        String device = newDrmDevice();

        JsonObject registration = asPlayer.entitlement(token, sees(2, id, "playready"));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        assertTrue(registration.getString("licenseAcquisitionUrl").endsWith("/LicensingService.ashx"));
        assertEquals(
                registration.getString("licenseAcquisitionUrl") + "?ExpressPlayToken="
                        + Http.enc(registration.getString("token")),
                registration.getString("epTokenURL"));
        assertEquals(
                200,
                asPlayer.redeem(
                                registration.getString("epTokenURL"),
                                challenge("playready", device, Player.REGISTRATION_CONTENT))
                        .statusCode());
        String cookie = registration.getString("customerCookie");

        JsonObject bound = asPlayer.entitlement(token, sees(3, id, "playready", cookie));
        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        assertTrue(bound.getBoolean("deviceBound"));
        String url = bound.getString("epTokenURL");

        HttpResponse<byte[]> license = asPlayer.redeem(url, challenge("playready", device, id));
        assertEquals(200, license.statusCode(), new String(license.body()));
        JsonObject claims = Player.ckcClaims(license.body());
        assertEquals(device, claims.getString("deviceId"));
        assertTrue(claims.getBoolean("deviceBound"));
        JsonObject rights = claims.getJsonObject("rights");
        assertEquals("Rental", rights.getString("rightsType"), "what the simulator received");
        assertEquals("true", rights.getString("persistent"), "a rental is persistent");
        assertEquals("86400", rights.getString("rental.playDuration"));
        assertTrue(rights.getString("rental.periodEndTime").startsWith("+"));
        assertEquals("150", rights.getString("analogVideoOPL"));
        assertEquals("200", rights.getString("compressedDigitalAudioOPL"));
        assertEquals("400", rights.getString("compressedDigitalVideoOPL"));
        assertEquals("250", rights.getString("uncompressedDigitalAudioOPL"));
        assertEquals("270", rights.getString("uncompressedDigitalVideoOPL"));
        assertEquals("SDOnly", rights.getString("unknownOutputBehavior"));

        HttpResponse<byte[]> otherDevice = asPlayer.redeem(url, challenge("playready", newDrmDevice(), id));
        assertEquals(400, otherDevice.statusCode());
        assertEquals(-4001, Http.json(otherDevice.body()).getInt("errorCode"), "refused by the simulator");

        JsonObject event = latestEvent();
        assertEquals("DEVICE_BOUND_TOKEN", event.getString("type"));
        assertEquals(device, event.getString("deviceId"));
        assertEquals("playready", event.getJsonObject("detail").getString("drm"));
        assertTrue(event.getJsonObject("detail").getBoolean("deviceBound"));
    }

    @Test
    void aPlayReadyTimeBasedPurchaseIsBuyToOwnAndLicensesAnyDevice() {
        String id = title(0, drm("playready").add("persistent", true));

        JsonObject granted = asPlayer.entitlement(token, sees(1, id, "playready"));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        HttpResponse<byte[]> license = asPlayer.redeem(
                granted.getString("licenseAcquisitionUrl") + "?ExpressPlayToken="
                        + Http.enc(granted.getString("token")),
                challenge("playready", newDrmDevice(), id));
        assertEquals(200, license.statusCode());
        JsonObject rights = Player.ckcClaims(license.body()).getJsonObject("rights");
        assertEquals("BuyToOwn", rights.getString("rightsType"));
        assertEquals("true", rights.getString("persistent"), "the title allows offline");
        assertFalse(rights.containsKey("rental.periodEndTime"));
    }

    @Test
    void widevineDeviceBindingIsRefusedByDefault() {
        JsonObject refused = asPlayer.entitlement(token, sees(3, "demo-multi-drm", "widevine", "abcdefghijklmnop"));

        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(4003, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("cannot bind a widevine token"), refused.toString());
        JsonObject event = latestEvent();
        assertEquals("DEVICE_BINDING_UNSUPPORTED", event.getString("reasonCode"));
        assertEquals("refuse", event.getJsonObject("detail").getString("unboundPolicy"));
    }

    @Test
    void aTitlesPolicyMayGiveARegisteredWidevineDeviceATokenThatSaysItIsNotBound() {
        String id = title(0, drm("widevine").add("unboundPolicy", "time-bound"));
        String device = newDrmDevice();
        String cookie = register("widevine", device);

        JsonObject granted = asPlayer.entitlement(token, sees(3, id, "widevine", cookie));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        assertFalse(granted.getBoolean("deviceBound"), "said plainly: not cryptographically bound");

        HttpResponse<byte[]> license =
                asPlayer.redeem(granted.getString("epTokenURL"), challenge("widevine", newDrmDevice(), id));
        assertEquals(200, license.statusCode(), "the token is time-bound only: another device is licensed too");
        assertFalse(Player.ckcClaims(license.body()).getBoolean("deviceBound"));

        JsonObject event = latestEvent();
        assertEquals("DEVICE_BOUND_TOKEN", event.getString("type"));
        assertEquals("GRANTED", event.getString("outcome"));
        assertEquals(device, event.getString("deviceId"), "issued to the registered device");
        JsonObject detail = event.getJsonObject("detail");
        assertFalse(detail.getBoolean("deviceBound"));
        assertEquals("time-bound", detail.getString("unboundPolicy"));
        assertEquals("widevine", detail.getString("drm"));
    }

    @Test
    void onAnAccountThatCannotBindFairPlayTheTitlesPolicyDecides() {
        String timeBound = "drm-" + UUID.randomUUID();
        Http.expect(
                201,
                asAdmin.addContent(
                        admin,
                        Admin.title(timeBound, Admin.newKey(), 3600, 0, null, false)
                                .add(
                                        "drms",
                                        Json.createArrayBuilder()
                                                .add(drm("fairplay").add("unboundPolicy", "time-bound")))
                                .build()
                                .toString()));
        String device = Player.newDevice();
        String cookie = asPlayer.registerDevice(token, device);
        String operator = tokenFor("admin");
        try {
            asFaultOperator.deviceBinding(operator, CUSTOMER, false);

            JsonObject refused = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
            assertEquals(4003, refused.getInt("error"), "the default policy: refuse");

            JsonObject granted = asPlayer.entitlement(token, Player.request(3, timeBound, cookie));
            assertTrue(granted.getBoolean("isAllowed"), granted.toString());
            assertFalse(granted.getBoolean("deviceBound"));
            HttpResponse<byte[]> license =
                    asPlayer.redeem(granted.getString("epTokenURL"), asPlayer.spc(Player.newDevice(), timeBound));
            assertEquals(200, license.statusCode(), "not bound: another device is licensed too");
            JsonObject event = latestEvent();
            assertEquals("GRANTED", event.getString("outcome"));
            assertEquals(device, event.getString("deviceId"));
            assertFalse(event.getJsonObject("detail").getBoolean("deviceBound"));
            assertEquals("time-bound", event.getJsonObject("detail").getString("unboundPolicy"));
        } finally {
            asFaultOperator.resetAccount(operator, CUSTOMER);
        }
    }

    @Test
    void anAccountWithWidevineDisabledIsRefusedWithItsOwnCodeAndFairPlayStillWorks() {
        String operator = tokenFor("admin");
        try {
            Http.expect(
                    200,
                    http.call(
                            "PUT",
                            "/simulator/accounts/" + CUSTOMER + "/drms/widevine",
                            operator,
                            "{\"enabled\": false}"));

            JsonObject refused = asPlayer.entitlement(token, sees(1, "demo-multi-drm", "widevine"));
            assertFalse(refused.getBoolean("isAllowed"));
            assertEquals(4006, refused.getInt("error"), refused.toString());
            JsonObject detail = latestEvent().getJsonObject("detail");
            assertEquals(-7011, detail.getInt("expressPlayError"));

            assertTrue(asPlayer.entitlement(token, Player.request(1, "demo-multi-drm"))
                    .getBoolean("isAllowed"));
        } finally {
            http.call("PUT", "/simulator/accounts/" + CUSTOMER + "/drms/widevine", operator, "{\"enabled\": true}");
        }
    }

    @Test
    void theSummaryAndTheCsvBreakTokensDownByDrm() {
        java.time.Instant from = java.time.Instant.now().minusSeconds(60);
        asPlayer.entitlement(token, Player.request(1, "demo-multi-drm"));
        asPlayer.entitlement(token, sees(1, "demo-multi-drm", "widevine"));
        asPlayer.entitlement(token, sees(1, "demo-multi-drm", "playready"));
        java.time.Instant to = java.time.Instant.now().plusSeconds(60);

        JsonObject summary = Http.json(
                asAuditor.summary(auditor, "from=" + from + "&to=" + to).body());
        JsonArray perDrm = summary.getJsonArray("tokensPerDrm");
        assertEquals(
                java.util.List.of("fairplay", "widevine", "playready"),
                perDrm.stream().map(v -> v.asJsonObject().getString("drm")).toList(),
                summary.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(perDrm.getJsonObject(i).getJsonNumber("tokens").longValue() >= 1, perDrm.toString());
        }

        String csv = Http.text(asAuditor.export(auditor, "user=" + Http.enc(user)));
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].endsWith(",detail,drm,deviceBound"), lines[0]);
        assertTrue(lines[1].endsWith(",playready,false"), lines[1]);
        assertTrue(lines[2].endsWith(",widevine,false"), lines[2]);
        assertTrue(lines[3].endsWith(",fairplay,false"), lines[3]);
    }

    @Test
    void eachDrmHasItsOwnStatsEndpoint() {
        asPlayer.entitlement(token, sees(1, "demo-multi-drm", "playready"));

        JsonObject stats = Http.json(asAdmin.expressPlayStats(admin).body());
        assertTrue(stats.containsKey("TOKEN") && stats.containsKey("WIDEVINE_TOKEN"), stats.toString());
        assertTrue(stats.getJsonObject("PLAYREADY_TOKEN").getInt("calls") >= 1, stats.toString());
    }

    @Test
    void aCatalogEntryThatDoesNotFitItsDrmIsRefused() {
        String noKid = Admin.title("drm-" + UUID.randomUUID(), Admin.newKey(), 60, 0, null, false)
                .add(
                        "drms",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("drm", "widevine")))
                .build()
                .toString();
        String twice = Admin.title("drm-" + UUID.randomUUID(), Admin.newKey(), 60, 0, null, false)
                .add("drms", Json.createArrayBuilder().add(drm("fairplay")).add(drm("fairplay")))
                .build()
                .toString();
        String otherDrmsField = Admin.title("drm-" + UUID.randomUUID(), Admin.newKey(), 60, 0, null, false)
                .add("drms", Json.createArrayBuilder().add(drm("playready").add("securityLevel", 1)))
                .build()
                .toString();
        String outOfRange = Admin.title("drm-" + UUID.randomUUID(), Admin.newKey(), 60, 0, null, false)
                .add("drms", Json.createArrayBuilder().add(drm("widevine").add("securityLevel", 6)))
                .build()
                .toString();

        for (String body : new String[] {noKid, twice, otherDrmsField, outOfRange}) {
            assertEquals(400, asAdmin.addContent(admin, body).statusCode(), body);
        }
    }
}
