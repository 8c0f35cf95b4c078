package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Device limits, self-service, revocation and restore, over HTTP on the real server. */
class DevicePolicyIT extends TetherIT {

    private String user;
    private String token;
    private String admin;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = "user-" + UUID.randomUUID();
        token = http.token(user, "subscriber");
        admin = http.token("admin-" + UUID.randomUUID(), "admin");
        auditor = http.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void theLimitRefusesANewDeviceUntilTheUserRemovesOne() {
        setLimit(2);
        String a = Player.newDevice();
        String cookieA = asPlayer.registerDevice(token, a);
        String cookieB = asPlayer.registerDevice(token, Player.newDevice());
        String c = Player.newDevice();
        String cookieC = asPlayer.registerDevice(token, c);
        assertTrue(bound(cookieA).getBoolean("isAllowed"));
        assertTrue(bound(cookieB).getBoolean("isAllowed"));
        assertTrue(bound(cookieA).getBoolean("isAllowed"), "a known device needs no new slot");

        JsonObject refused = bound(cookieC);
        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3008, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("remove a device"), refused.getString("errorText"));
        JsonObject event = asAuditor.events(auditor, user).getJsonObject(0);
        assertEquals("DEVICE_LIMIT_REACHED", event.getString("reasonCode"));
        assertEquals(2, event.getJsonObject("detail").getInt("activeDevices"));
        assertEquals(2, event.getJsonObject("detail").getInt("limit"));
        assertEquals("none", event.getJsonObject("detail").getString("groupCheck"));

        JsonArray mine = asSubscriber.devices(token);
        assertEquals(2, mine.size());
        long idA = idOf(mine, a);
        expect(204, asSubscriber.removeDevice(token, idA));

        assertTrue(bound(cookieC).getBoolean("isAllowed"), "the removal freed a slot");
        JsonObject old = bound(cookieA);
        assertEquals(3010, old.getInt("error"), "a removed device's cookie is ended");
        assertEquals(
                List.of(c),
                deviceIds(asSubscriber.devices(token)).stream()
                        .filter(c::equals)
                        .toList());
    }

    @Test
    void aRemovalStartsACooldownThatSaysWhenTheNextIsPossible() {
        String cookieA = asPlayer.registerDevice(token, Player.newDevice());
        String cookieB = asPlayer.registerDevice(token, Player.newDevice());
        bound(cookieA);
        bound(cookieB);
        JsonArray mine = asSubscriber.devices(token);
        Instant before = Instant.now();
        expect(
                204,
                asSubscriber.removeDevice(
                        token, mine.getJsonObject(0).getJsonNumber("id").longValue()));

        HttpResponse<String> second = asSubscriber.removeDevice(
                token, mine.getJsonObject(1).getJsonNumber("id").longValue());

        assertEquals(409, second.statusCode());
        assertEquals(
                "application/problem+json",
                second.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = Http.json(second.body());
        assertEquals("https://tether.dev/problems/removal-cooldown", problem.getString("type"));
        Instant notBefore = Instant.parse(problem.getString("notBefore"));
        assertTrue(!notBefore.isBefore(before.plus(Duration.ofDays(30)).minusSeconds(1)), notBefore.toString());
        assertTrue(problem.getString("detail").contains(notBefore.toString()));
        assertEquals(1, asSubscriber.devices(token).size());
        JsonObject refusal = asAuditor.events(auditor, user).getJsonObject(0);
        assertEquals("REMOVAL_COOLDOWN", refusal.getString("reasonCode"));
        assertEquals(notBefore.toString(), refusal.getJsonObject("detail").getString("nextRemovalAt"));
    }

    @Test
    void aRemovedDeviceThatComesBackRegistersAgainAsANewDevice() {
        String device = Player.newDevice();
        bound(asPlayer.registerDevice(token, device));
        long id = idOf(asSubscriber.devices(token), device);
        expect(200, asSubscriber.renameDevice(token, id, "{\"label\":\"Living room TV\"}"));
        expect(204, asSubscriber.removeDevice(token, id));
        assertEquals(0, asSubscriber.devices(token).size());

        assertTrue(bound(asPlayer.registerDevice(token, device)).getBoolean("isAllowed"));

        JsonObject back = asSubscriber.devices(token).getJsonObject(0);
        assertEquals(device, back.getString("deviceId"));
        assertEquals(id, back.getJsonNumber("id").longValue(), "the same record");
        assertFalse(back.containsKey("label"), "but as a new device");
    }

    @Test
    void aUserListsAndRenamesOnlyTheirOwnDevices() {
        String device = Player.newDevice();
        bound(asPlayer.registerDevice(token, device));
        JsonObject listed = asSubscriber.devices(token).getJsonObject(0);
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals("demo-movie", listed.getString("lastContentId"));
        assertTrue(listed.containsKey("firstSeenAt") && listed.containsKey("lastSeenAt"));
        long id = listed.getJsonNumber("id").longValue();

        JsonObject renamed = expect(200, asSubscriber.renameDevice(token, id, "{\"label\":\"Anna's iPhone\"}"));
        assertEquals("Anna's iPhone", renamed.getString("label"));
        assertEquals(
                "Anna's iPhone", asSubscriber.devices(token).getJsonObject(0).getString("label"));

        JsonObject bad = expect(400, asSubscriber.renameDevice(token, id, "{\"label\":\"\"}"));
        assertEquals("https://tether.dev/problems/invalid-request", bad.getString("type"));
        expect(400, asSubscriber.renameDevice(token, id, "{\"label\":\"a\\nb\"}"));
        expect(400, asSubscriber.renameDevice(token, id, "{not json"));

        String mallory = http.token("mallory-" + UUID.randomUUID(), "subscriber");
        JsonObject notFound = expect(404, asSubscriber.renameDevice(mallory, id, "{\"label\":\"mine now\"}"));
        assertEquals("https://tether.dev/problems/unknown-device", notFound.getString("type"));
        expect(404, asSubscriber.removeDevice(mallory, id));
        assertEquals(0, asSubscriber.devices(mallory).size());
    }

    @Test
    void theDeviceApisAreForTheirRolesOnly() {
        expect(403, asSubscriber.listDevices(admin));
        expect(403, asAdmin.listDevicesOf(token, user));
        expect(403, asAdmin.setDeviceLimit(token, user, "{\"maxActiveDevices\":9}"));
        expect(403, asAdmin.requestReset(token, user, "{\"reason\":\"please\"}"));
        expect(401, asSubscriber.listDevices(null));
    }

    @Test
    void aRevokedDeviceGetsNoTokenUntilRestored() {
        String device = Player.newDevice();
        String cookie = asPlayer.registerDevice(token, device);
        assertTrue(bound(cookie).getBoolean("isAllowed"));
        long id = idOf(asAdmin.devicesOf(admin, user), device);

        expect(400, asAdmin.revoke(admin, user, id, "{}"));
        JsonObject revoked =
                expect(200, asAdmin.revoke(admin, user, id, "{\"reason\":\"reported stolen, ticket 4711\"}"));
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("reported stolen, ticket 4711", revoked.getString("revokeReason"));
        expect(409, asAdmin.revoke(admin, user, id, "{\"reason\":\"again\"}"));
        expect(404, asAdmin.revoke(admin, user, 999999999, "{\"reason\":\"none\"}"));

        JsonObject refused = bound(cookie);
        assertEquals(3009, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("blocked"));
        assertEquals(
                3009,
                bound(asPlayer.registerDevice(token, device)).getInt("error"),
                "registering again does not lift it");
        JsonObject problem = expect(409, asSubscriber.removeDevice(token, id));
        assertEquals("https://tether.dev/problems/device-revoked", problem.getString("type"));
        assertEquals("REVOKED", asSubscriber.devices(token).getJsonObject(0).getString("status"));

        expect(200, asAdmin.restore(admin, user, id, "{\"reason\":\"found again\"}"));
        expect(409, asAdmin.restore(admin, user, id, "{\"reason\":\"found again\"}"));
        assertTrue(bound(cookie).getBoolean("isAllowed"));

        List<JsonObject> adminEvents = asAuditor.events(auditor, user).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.containsKey("actorId") && e.getString("outcome").equals("GRANTED"))
                .toList();
        // The revocation also ended the device's running stream (issue 17), recorded just before it.
        assertEquals(
                List.of("DEVICE_RESTORED", "DEVICE_REVOKED", "STREAM_ENDED"),
                adminEvents.stream().map(e -> e.getString("type")).toList());
        assertEquals(
                "reported stolen, ticket 4711",
                adminEvents.get(1).getJsonObject("detail").getString("reason"));
        assertEquals("found again", adminEvents.get(0).getJsonObject("detail").getString("reason"));
    }

    @Test
    void aRestoredDeviceMustFitUnderTheLimit() {
        setLimit(1);
        String first = Player.newDevice();
        String cookieFirst = asPlayer.registerDevice(token, first);
        bound(cookieFirst);
        long id = idOf(asAdmin.devicesOf(admin, user), first);
        expect(200, asAdmin.revoke(admin, user, id, "{\"reason\":\"suspected sharing\"}"));
        assertTrue(
                bound(asPlayer.registerDevice(token, Player.newDevice())).getBoolean("isAllowed"),
                "a revoked device does not hold a slot");

        JsonObject problem = expect(409, asAdmin.restore(admin, user, id, "{\"reason\":\"cleared\"}"));
        assertEquals("https://tether.dev/problems/device-limit-reached", problem.getString("type"));
    }

    @Test
    void anAdminSeesAndOverridesTheLimit() {
        JsonObject initial = expect(200, asAdmin.deviceLimit(admin, user));
        assertEquals(3, initial.getInt("limit"));
        assertEquals(3, initial.getInt("defaultLimit"));
        assertFalse(initial.containsKey("override"));

        JsonObject set = expect(200, asAdmin.setDeviceLimit(admin, user, "{\"maxActiveDevices\":5}"));
        assertEquals(5, set.getInt("limit"));
        assertEquals(5, set.getInt("override"));
        expect(400, asAdmin.setDeviceLimit(admin, user, "{\"maxActiveDevices\":-1}"));
        JsonObject cleared = expect(200, asAdmin.setDeviceLimit(admin, user, "{\"maxActiveDevices\":null}"));
        assertEquals(3, cleared.getInt("limit"));
        assertEquals(
                "DEVICE_LIMIT_SET",
                asAuditor.events(auditor, user).getJsonObject(0).getString("type"));
    }

    @Test
    void concurrentNewDevicesForOneUserNeverExceedTheLimit() throws Exception {
        int limit = 2;
        int parallel = 6;
        setLimit(limit);
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            cookies.add(asPlayer.registerDevice(token, Player.newDevice()));
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (String cookie : cookies) {
            calls.add(() -> asPlayer.sees(
                    token, Player.request(3, "demo-movie", cookie).build().toString()));
        }
        List<JsonObject> answers = new ArrayList<>();
        for (HttpResponse<String> response : Concurrently.atOnce(calls, Duration.ofSeconds(120))) {
            assertEquals(200, response.statusCode(), response.body());
            answers.add(Http.json(response.body()));
        }

        assertEquals(
                limit, answers.stream().filter(a -> a.getBoolean("isAllowed")).count(), answers.toString());
        assertEquals(
                parallel - limit,
                answers.stream()
                        .filter(a -> !a.getBoolean("isAllowed"))
                        .filter(a -> a.getInt("error") == 3008)
                        .count(),
                answers.toString());
        assertEquals(limit, asSubscriber.devices(token).size());
    }

    private void setLimit(int limit) {
        expect(200, asAdmin.setDeviceLimit(admin, user, "{\"maxActiveDevices\":" + limit + "}"));
    }

    private JsonObject bound(String cookie) {
        return asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
    }

    private static long idOf(JsonArray devices, String deviceId) {
        return devices.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("deviceId").equals(deviceId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deviceId + " not in " + devices))
                .getJsonNumber("id")
                .longValue();
    }

    private static List<String> deviceIds(JsonArray devices) {
        return devices.getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("deviceId"))
                .toList();
    }
}
