package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's content catalog and the per-title rules of the SEES flow, over HTTP on the real server. */
class ContentCatalogIT extends TetherIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String user;
    private String token;
    private String admin;
    private String adminName;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = "user-" + UUID.randomUUID();
        token = tether.token(user, "subscriber");
        adminName = "admin-" + UUID.randomUUID();
        admin = tether.token(adminName, "admin");
        auditor = tether.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void aTitleIsCreatedWithAWrappedKeyThatNoAnswerOrLogShows() throws Exception {
        String id = newId();
        String key = hex16();
        HttpResponse<String> created = tether.call("POST", "/api/admin/content", admin, create(id, key, 600, 7200, null, false));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject view = TetherClient.json(created.body());
        assertEquals(1, view.getInt("policyVersion"));
        assertEquals("dev-1", view.getString("masterKeyId"));
        assertFalse(view.containsKey("key"));

        assertEquals(409, tether.call("POST", "/api/admin/content", admin, create(id, key, 600, 7200, null, false)).statusCode());
        JsonObject bad = tether.expect(400, "POST", "/api/admin/content", admin, create(newId(), "xyz", 600, 0, null, false));
        assertEquals("https://tether.dev/problems/invalid-request", bad.getString("type"));
        assertFalse(bad.toString().contains("xyz"), "rejected values are not echoed");
        tether.expect(400, "POST", "/api/admin/content", admin, create(newId(), hex16(), 31 * 86400, 0, null, false));
        tether.expect(400, "POST", "/api/admin/content", admin, create(newId(), hex16(), 600, 31 * 86400, null, false));
        tether.expect(404, "GET", "/api/admin/content/no-such-" + id, admin, null);

        JsonObject granted = tether.entitlement(token, TetherClient.request(1, id));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        HttpResponse<byte[]> license = tether.redeem(granted.getString("epTokenURL"), tether.spc(TetherClient.newDevice(), id));
        assertEquals(200, license.statusCode());
        assertEquals(TetherClient.keyRef(key), TetherClient.ckcClaims(license.body()).getString("keyRef"),
                "ExpressPlay got the key the admin sent");

        String everything = tether.get("/api/admin/content", admin).body() + tether.get("/api/admin/content/" + id, admin).body()
                + tether.audit(auditor, user) + tether.audit(auditor, adminName);
        assertFalse(everything.toLowerCase().contains(key), "no key in any answer or audit event");
        String log = Files.readString(Path.of(System.getProperty("tether.server.log")), StandardCharsets.ISO_8859_1);
        assertFalse(log.toLowerCase().contains(key), "no key in the server log");
    }

    @Test
    void typesOneAndThreeTakeTheirWindowAndRentalFromTheTitle() {
        String id = newId();
        tether.expect(201, "POST", "/api/admin/content", admin, create(id, hex16(), 600, 7200, null, false));
        String device = TetherClient.newDevice();

        JsonObject timeBased = tether.entitlement(token, TetherClient.request(1, id));
        JsonObject bound = tether.entitlement(token, TetherClient.request(3, id, tether.registerDevice(token, device)));

        for (JsonObject granted : new JsonObject[] {timeBased, bound}) {
            HttpResponse<byte[]> license = tether.redeem(granted.getString("epTokenURL"), tether.spc(device, id));
            assertEquals(7200, TetherClient.ckcClaims(license.body()).getInt("rentalDuration"));
        }
        for (JsonObject event : tether.audit(auditor, user).getValuesAs(JsonObject.class)) {
            if (event.getString("type").endsWith("_TOKEN")) {
                assertEquals(600, Duration.between(Instant.parse(event.getString("occurredAt")),
                        Instant.parse(event.getString("tokenExpiresAt"))).toSeconds(), event.toString());
                assertEquals(1, event.getJsonObject("detail").getInt("policyVersion"));
            }
        }

        tether.expect(200, "PUT", "/api/admin/content/" + id, admin, update(60, 0, null, false));
        JsonObject after = tether.entitlement(token, TetherClient.request(1, id));
        HttpResponse<byte[]> license = tether.redeem(after.getString("epTokenURL"), tether.spc(device, id));
        assertEquals(0, TetherClient.ckcClaims(license.body()).getInt("rentalDuration"), "the updated policy");
        JsonObject event = tether.audit(auditor, user).getJsonObject(0);
        assertEquals(2, event.getJsonObject("detail").getInt("policyVersion"));
        assertEquals(60, Duration.between(Instant.parse(event.getString("occurredAt")),
                Instant.parse(event.getString("tokenExpiresAt"))).toSeconds());
    }

    @Test
    void aGroupRestrictedTitleNeedsTheGroup() {
        String id = newId();
        tether.expect(201, "POST", "/api/admin/content", admin, create(id, hex16(), 600, 0, "premium", false));

        JsonObject refused = tether.entitlement(token, TetherClient.request(1, id));
        assertEquals(2003, refused.getInt("error"));
        JsonObject event = tether.audit(auditor, user).getJsonObject(0);
        assertEquals("GROUP_REQUIRED", event.getString("reasonCode"));
        assertEquals("failed", event.getJsonObject("detail").getString("groupCheck"));
        assertEquals("premium", event.getJsonObject("detail").getString("requiredGroup"));
        String cookie = tether.registerDevice(token, TetherClient.newDevice());
        assertEquals(2003, tether.entitlement(token, TetherClient.request(3, id, cookie)).getInt("error"));

        String premium = tether.token(user, "subscriber,premium");
        assertTrue(tether.entitlement(premium, TetherClient.request(1, id)).getBoolean("isAllowed"));
        assertTrue(tether.entitlement(premium, TetherClient.request(3, id, cookie)).getBoolean("isAllowed"));
        assertEquals("passed", tether.audit(auditor, user).getJsonObject(0).getJsonObject("detail").getString("groupCheck"));
    }

    @Test
    void aTitleThatRequiresDeviceBindingRefusesTimeBasedTokens() {
        String id = newId();
        tether.expect(201, "POST", "/api/admin/content", admin, create(id, hex16(), 600, 0, null, true));

        JsonObject refused = tether.entitlement(token, TetherClient.request(1, id));
        assertEquals(2004, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("requestType 3"));
        String cookie = tether.registerDevice(token, TetherClient.newDevice());
        assertTrue(tether.entitlement(token, TetherClient.request(3, id, cookie)).getBoolean("isAllowed"));
    }

    @Test
    void aRetiredTitleGetsNoToken() {
        String id = newId();
        tether.expect(201, "POST", "/api/admin/content", admin, create(id, hex16(), 600, 0, null, false));

        JsonObject retired = tether.expect(200, "DELETE", "/api/admin/content/" + id, admin, null);
        assertTrue(retired.containsKey("retiredAt"));

        assertEquals(2002, tether.entitlement(token, TetherClient.request(1, id)).getInt("error"));
        tether.expect(409, "DELETE", "/api/admin/content/" + id, admin, null);
        tether.expect(409, "PUT", "/api/admin/content/" + id, admin, update(60, 0, null, false));
        tether.expect(404, "PUT", "/api/admin/content/" + newId(), admin, update(60, 0, null, false));
    }

    @Test
    void reWrappingKeepsEveryTitlePlayableEndToEnd() {
        String id = newId();
        String key = hex16();
        tether.expect(201, "POST", "/api/admin/content", admin, create(id, key, 600, 0, null, false));

        JsonObject rewrap = tether.expect(200, "POST", "/api/admin/content/rewrap", admin, null);
        assertEquals("dev-1", rewrap.getString("activeMasterKey"));
        assertTrue(rewrap.getInt("alreadyCurrent") + rewrap.getInt("rewrapped") >= 4);

        String everyGroup = "subscriber";
        for (JsonObject content : tether.list("/api/admin/content", admin).getValuesAs(JsonObject.class)) {
            if (content.containsKey("requiredGroup")) {
                everyGroup += "," + content.getString("requiredGroup");
            }
        }
        String player = tether.token(user, everyGroup);
        String device = TetherClient.newDevice();
        String cookie = tether.registerDevice(player, device);
        int played = 0;
        for (JsonObject content : tether.list("/api/admin/content", admin).getValuesAs(JsonObject.class)) {
            String contentId = content.getString("contentId");
            assertEquals("dev-1", content.getString("masterKeyId"));
            if (content.containsKey("retiredAt") || content.getBoolean("registration")) {
                continue;
            }
            JsonObject granted = content.getBoolean("deviceBindingRequired")
                    ? tether.entitlement(player, TetherClient.request(3, contentId, cookie))
                    : tether.entitlement(player, TetherClient.request(1, contentId));
            assertTrue(granted.getBoolean("isAllowed"), contentId + ": " + granted);
            HttpResponse<byte[]> license = tether.redeem(granted.getString("epTokenURL"), tether.spc(device, contentId));
            assertEquals(200, license.statusCode(), contentId);
            if (contentId.equals(id)) {
                assertEquals(TetherClient.keyRef(key), TetherClient.ckcClaims(license.body()).getString("keyRef"));
            }
            played++;
        }
        assertTrue(played >= 3, "the demo titles and this one");
    }

    @Test
    void theCatalogIsForAdminsOnly() {
        tether.expect(403, "GET", "/api/admin/content", token, null);
        tether.expect(403, "POST", "/api/admin/content", token, create(newId(), hex16(), 600, 0, null, false));
        tether.expect(403, "POST", "/api/admin/content/rewrap", auditor, null);
        tether.expect(401, "GET", "/api/admin/content", null, null);
    }

    private static String newId() {
        return "it-" + UUID.randomUUID();
    }

    private static String hex16() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String create(String id, String key, long window, long rental, String group, boolean binding) {
        var body = Json.createObjectBuilder().add("contentId", id).add("key", key).add("iv", hex16())
                .add("tokenLifetimeSeconds", window).add("rentalDurationSeconds", rental)
                .add("deviceBindingRequired", binding);
        if (group != null) {
            body.add("requiredGroup", group);
        }
        return body.build().toString();
    }

    private static String update(long window, long rental, String group, boolean binding) {
        var body = Json.createObjectBuilder().add("tokenLifetimeSeconds", window).add("rentalDurationSeconds", rental)
                .add("deviceBindingRequired", binding);
        if (group != null) {
            body.add("requiredGroup", group);
        }
        return body.build().toString();
    }
}
