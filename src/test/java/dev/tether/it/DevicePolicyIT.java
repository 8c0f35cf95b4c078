package dev.tether.it;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        token = tether.token(user, "subscriber");
        admin = tether.token("admin-" + UUID.randomUUID(), "admin");
        auditor = tether.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void theLimitRefusesANewDeviceUntilTheUserRemovesOne() {
        setLimit(2);
        String a = TetherClient.newDevice();
        String cookieA = tether.registerDevice(token, a);
        String cookieB = tether.registerDevice(token, TetherClient.newDevice());
        String c = TetherClient.newDevice();
        String cookieC = tether.registerDevice(token, c);
        assertTrue(bound(cookieA).getBoolean("isAllowed"));
        assertTrue(bound(cookieB).getBoolean("isAllowed"));
        assertTrue(bound(cookieA).getBoolean("isAllowed"), "a known device needs no new slot");

        JsonObject refused = bound(cookieC);
        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3008, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("remove a device"), refused.getString("errorText"));
        JsonObject event = tether.audit(auditor, user).getJsonObject(0);
        assertEquals("DEVICE_LIMIT_REACHED", event.getString("reasonCode"));
        assertEquals(2, event.getJsonObject("detail").getInt("activeDevices"));
        assertEquals(2, event.getJsonObject("detail").getInt("limit"));
        assertEquals("none", event.getJsonObject("detail").getString("groupCheck"));

        JsonArray mine = tether.list("/api/devices", token);
        assertEquals(2, mine.size());
        long idA = idOf(mine, a);
        tether.expect(204, "DELETE", "/api/devices/" + idA, token, null);

        assertTrue(bound(cookieC).getBoolean("isAllowed"), "the removal freed a slot");
        JsonObject old = bound(cookieA);
        assertEquals(3010, old.getInt("error"), "a removed device's cookie is ended");
        assertEquals(List.of(c), deviceIds(tether.list("/api/devices", token)).stream().filter(c::equals).toList());
    }

    @Test
    void aRemovalStartsACooldownThatSaysWhenTheNextIsPossible() {
        String cookieA = tether.registerDevice(token, TetherClient.newDevice());
        String cookieB = tether.registerDevice(token, TetherClient.newDevice());
        bound(cookieA);
        bound(cookieB);
        JsonArray mine = tether.list("/api/devices", token);
        Instant before = Instant.now();
        tether.expect(204, "DELETE", "/api/devices/" + mine.getJsonObject(0).getJsonNumber("id").longValue(), token, null);

        HttpResponse<String> second = tether.call("DELETE", "/api/devices/"
                + mine.getJsonObject(1).getJsonNumber("id").longValue(), token, null);

        assertEquals(409, second.statusCode());
        assertEquals("application/problem+json", second.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = TetherClient.json(second.body());
        assertEquals("https://tether.dev/problems/removal-cooldown", problem.getString("type"));
        Instant notBefore = Instant.parse(problem.getString("notBefore"));
        assertTrue(!notBefore.isBefore(before.plus(Duration.ofDays(30)).minusSeconds(1)), notBefore.toString());
        assertTrue(problem.getString("detail").contains(notBefore.toString()));
        assertEquals(1, tether.list("/api/devices", token).size());
        JsonObject refusal = tether.audit(auditor, user).getJsonObject(0);
        assertEquals("REMOVAL_COOLDOWN", refusal.getString("reasonCode"));
        assertEquals(notBefore.toString(), refusal.getJsonObject("detail").getString("nextRemovalAt"));
    }

    @Test
    void aRemovedDeviceThatComesBackRegistersAgainAsANewDevice() {
        String device = TetherClient.newDevice();
        bound(tether.registerDevice(token, device));
        long id = idOf(tether.list("/api/devices", token), device);
        tether.expect(200, "PATCH", "/api/devices/" + id, token, "{\"label\":\"Living room TV\"}");
        tether.expect(204, "DELETE", "/api/devices/" + id, token, null);
        assertEquals(0, tether.list("/api/devices", token).size());

        assertTrue(bound(tether.registerDevice(token, device)).getBoolean("isAllowed"));

        JsonObject back = tether.list("/api/devices", token).getJsonObject(0);
        assertEquals(device, back.getString("deviceId"));
        assertEquals(id, back.getJsonNumber("id").longValue(), "the same record");
        assertFalse(back.containsKey("label"), "but as a new device");
    }

    @Test
    void aUserListsAndRenamesOnlyTheirOwnDevices() {
        String device = TetherClient.newDevice();
        bound(tether.registerDevice(token, device));
        JsonObject listed = tether.list("/api/devices", token).getJsonObject(0);
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals("demo-movie", listed.getString("lastContentId"));
        assertTrue(listed.containsKey("firstSeenAt") && listed.containsKey("lastSeenAt"));
        long id = listed.getJsonNumber("id").longValue();

        JsonObject renamed = tether.expect(200, "PATCH", "/api/devices/" + id, token, "{\"label\":\"Anna's iPhone\"}");
        assertEquals("Anna's iPhone", renamed.getString("label"));
        assertEquals("Anna's iPhone", tether.list("/api/devices", token).getJsonObject(0).getString("label"));

        JsonObject bad = tether.expect(400, "PATCH", "/api/devices/" + id, token, "{\"label\":\"\"}");
        assertEquals("https://tether.dev/problems/invalid-request", bad.getString("type"));
        tether.expect(400, "PATCH", "/api/devices/" + id, token, "{\"label\":\"a\\nb\"}");
        tether.expect(400, "PATCH", "/api/devices/" + id, token, "{not json");

        String mallory = tether.token("mallory-" + UUID.randomUUID(), "subscriber");
        JsonObject notFound = tether.expect(404, "PATCH", "/api/devices/" + id, mallory, "{\"label\":\"mine now\"}");
        assertEquals("https://tether.dev/problems/unknown-device", notFound.getString("type"));
        tether.expect(404, "DELETE", "/api/devices/" + id, mallory, null);
        assertEquals(0, tether.list("/api/devices", mallory).size());
    }

    @Test
    void theDeviceApisAreForTheirRolesOnly() {
        tether.expect(403, "GET", "/api/devices", admin, null);
        tether.expect(403, "GET", "/api/admin/users/" + user + "/devices", token, null);
        tether.expect(403, "PUT", "/api/admin/users/" + user + "/device-limit", token, "{\"maxActiveDevices\":9}");
        tether.expect(403, "POST", "/api/admin/users/" + user + "/device-resets", token, "{\"reason\":\"please\"}");
        tether.expect(401, "GET", "/api/devices", null, null);
    }

    @Test
    void aRevokedDeviceGetsNoTokenUntilRestored() {
        String device = TetherClient.newDevice();
        String cookie = tether.registerDevice(token, device);
        assertTrue(bound(cookie).getBoolean("isAllowed"));
        long id = idOf(tether.list("/api/admin/users/" + user + "/devices", admin), device);

        tether.expect(400, "POST", devicePath(id) + "/revoke", admin, "{}");
        JsonObject revoked = tether.expect(200, "POST", devicePath(id) + "/revoke", admin,
                "{\"reason\":\"reported stolen, ticket 4711\"}");
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("reported stolen, ticket 4711", revoked.getString("revokeReason"));
        tether.expect(409, "POST", devicePath(id) + "/revoke", admin, "{\"reason\":\"again\"}");
        tether.expect(404, "POST", "/api/admin/users/" + user + "/devices/999999999/revoke", admin, "{\"reason\":\"none\"}");

        JsonObject refused = bound(cookie);
        assertEquals(3009, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("blocked"));
        assertEquals(3009, bound(tether.registerDevice(token, device)).getInt("error"), "registering again does not lift it");
        JsonObject problem = tether.expect(409, "DELETE", "/api/devices/" + id, token, null);
        assertEquals("https://tether.dev/problems/device-revoked", problem.getString("type"));
        assertEquals("REVOKED", tether.list("/api/devices", token).getJsonObject(0).getString("status"));

        tether.expect(200, "POST", devicePath(id) + "/restore", admin, "{\"reason\":\"found again\"}");
        tether.expect(409, "POST", devicePath(id) + "/restore", admin, "{\"reason\":\"found again\"}");
        assertTrue(bound(cookie).getBoolean("isAllowed"));

        List<JsonObject> adminEvents = tether.audit(auditor, user).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.containsKey("actorId") && e.getString("outcome").equals("GRANTED")).toList();
        assertEquals(List.of("DEVICE_RESTORED", "DEVICE_REVOKED"),
                adminEvents.stream().map(e -> e.getString("type")).toList());
        assertEquals("reported stolen, ticket 4711", adminEvents.get(1).getJsonObject("detail").getString("reason"));
        assertEquals("found again", adminEvents.get(0).getJsonObject("detail").getString("reason"));
    }

    @Test
    void aRestoredDeviceMustFitUnderTheLimit() {
        setLimit(1);
        String first = TetherClient.newDevice();
        String cookieFirst = tether.registerDevice(token, first);
        bound(cookieFirst);
        long id = idOf(tether.list("/api/admin/users/" + user + "/devices", admin), first);
        tether.expect(200, "POST", devicePath(id) + "/revoke", admin, "{\"reason\":\"suspected sharing\"}");
        assertTrue(bound(tether.registerDevice(token, TetherClient.newDevice())).getBoolean("isAllowed"),
                "a revoked device does not hold a slot");

        JsonObject problem = tether.expect(409, "POST", devicePath(id) + "/restore", admin, "{\"reason\":\"cleared\"}");
        assertEquals("https://tether.dev/problems/device-limit-reached", problem.getString("type"));
    }

    @Test
    void anAdminSeesAndOverridesTheLimit() {
        JsonObject initial = tether.expect(200, "GET", "/api/admin/users/" + user + "/device-limit", admin, null);
        assertEquals(3, initial.getInt("limit"));
        assertEquals(3, initial.getInt("defaultLimit"));
        assertFalse(initial.containsKey("override"));

        JsonObject set = tether.expect(200, "PUT", "/api/admin/users/" + user + "/device-limit", admin,
                "{\"maxActiveDevices\":5}");
        assertEquals(5, set.getInt("limit"));
        assertEquals(5, set.getInt("override"));
        tether.expect(400, "PUT", "/api/admin/users/" + user + "/device-limit", admin, "{\"maxActiveDevices\":-1}");
        JsonObject cleared = tether.expect(200, "PUT", "/api/admin/users/" + user + "/device-limit", admin,
                "{\"maxActiveDevices\":null}");
        assertEquals(3, cleared.getInt("limit"));
        assertEquals("DEVICE_LIMIT_SET", tether.audit(auditor, user).getJsonObject(0).getString("type"));
    }

    @Test
    void concurrentNewDevicesForOneUserNeverExceedTheLimit() throws Exception {
        int limit = 2;
        int parallel = 6;
        setLimit(limit);
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            cookies.add(tether.registerDevice(token, TetherClient.newDevice()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<JsonObject> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String cookie : cookies) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return tether.sees(token, TetherClient.request(3, "demo-movie", cookie).build().toString());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                answers.add(TetherClient.json(response.body()));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(limit, answers.stream().filter(a -> a.getBoolean("isAllowed")).count(), answers.toString());
        assertEquals(parallel - limit, answers.stream().filter(a -> !a.getBoolean("isAllowed"))
                .filter(a -> a.getInt("error") == 3008).count(), answers.toString());
        assertEquals(limit, tether.list("/api/devices", token).size());
    }

    private void setLimit(int limit) {
        tether.expect(200, "PUT", "/api/admin/users/" + user + "/device-limit", admin,
                "{\"maxActiveDevices\":" + limit + "}");
    }

    private String devicePath(long id) {
        return "/api/admin/users/" + user + "/devices/" + id;
    }

    private JsonObject bound(String cookie) {
        return tether.entitlement(token, TetherClient.request(3, "demo-movie", cookie));
    }

    private static long idOf(JsonArray devices, String deviceId) {
        return devices.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("deviceId").equals(deviceId))
                .findFirst().orElseThrow(() -> new AssertionError(deviceId + " not in " + devices))
                .getJsonNumber("id").longValue();
    }

    private static List<String> deviceIds(JsonArray devices) {
        return devices.getValuesAs(JsonObject.class).stream().map(d -> d.getString("deviceId")).toList();
    }
}
