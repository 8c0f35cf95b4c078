package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's content catalog and the per-title rules of the SEES flow, over HTTP on the real server. */
class ContentCatalogIT extends TetherIT {

    private String user;
    private String token;
    private String admin;
    private String adminName;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = "user-" + UUID.randomUUID();
        token = http.token(user, "subscriber");
        adminName = "admin-" + UUID.randomUUID();
        admin = http.token(adminName, "admin");
        auditor = http.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void aTitleIsCreatedWithAWrappedKeyThatNoAnswerOrLogShows() throws Exception {
        String id = newId();
        String key = Admin.newKey();
        HttpResponse<String> created = asAdmin.addContent(admin, create(id, key, 600, 7200, null, false));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject view = Http.json(created.body());
        assertEquals(1, view.getInt("policyVersion"));
        assertEquals("dev-1", view.getString("masterKeyId"));
        assertFalse(view.containsKey("key"));

        assertEquals(
                409,
                asAdmin.addContent(admin, create(id, key, 600, 7200, null, false))
                        .statusCode());
        JsonObject bad = expect(400, asAdmin.addContent(admin, create(newId(), "xyz", 600, 0, null, false)));
        assertEquals("https://tether.dev/problems/invalid-request", bad.getString("type"));
        assertFalse(bad.toString().contains("xyz"), "rejected values are not echoed");
        expect(400, asAdmin.addContent(admin, create(newId(), Admin.newKey(), 31 * 86400, 0, null, false)));
        expect(400, asAdmin.addContent(admin, create(newId(), Admin.newKey(), 600, 31 * 86400, null, false)));
        expect(404, asAdmin.content(admin, "no-such-" + id));

        JsonObject granted = asPlayer.entitlement(token, Player.request(1, id));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        HttpResponse<byte[]> license =
                asPlayer.redeem(granted.getString("epTokenURL"), asPlayer.spc(Player.newDevice(), id));
        assertEquals(200, license.statusCode());
        assertEquals(
                Player.keyRef(key),
                Player.ckcClaims(license.body()).getString("keyRef"),
                "ExpressPlay got the key the admin sent");

        String everything = asAdmin.listContent(admin).body()
                + asAdmin.content(admin, id).body()
                + asAuditor.events(auditor, user)
                + asAuditor.events(auditor, adminName);
        assertFalse(everything.toLowerCase().contains(key), "no key in any answer or audit event");
        String log = Files.readString(Path.of(System.getProperty("tether.server.log")), StandardCharsets.ISO_8859_1);
        assertFalse(log.toLowerCase().contains(key), "no key in the server log");
    }

    @Test
    void typesOneAndThreeTakeTheirWindowAndRentalFromTheTitle() {
        String id = newId();
        expect(201, asAdmin.addContent(admin, create(id, Admin.newKey(), 600, 7200, null, false)));
        String device = Player.newDevice();

        JsonObject timeBased = asPlayer.entitlement(token, Player.request(1, id));
        JsonObject bound = asPlayer.entitlement(token, Player.request(3, id, asPlayer.registerDevice(token, device)));

        for (JsonObject granted : new JsonObject[] {timeBased, bound}) {
            HttpResponse<byte[]> license = asPlayer.redeem(granted.getString("epTokenURL"), asPlayer.spc(device, id));
            assertEquals(7200, Player.ckcClaims(license.body()).getInt("rentalDuration"));
        }
        for (JsonObject event : asAuditor.events(auditor, user).getValuesAs(JsonObject.class)) {
            if (event.getString("type").endsWith("_TOKEN")) {
                assertEquals(
                        600,
                        Duration.between(
                                        Instant.parse(event.getString("occurredAt")),
                                        Instant.parse(event.getString("tokenExpiresAt")))
                                .toSeconds(),
                        event.toString());
                assertEquals(1, event.getJsonObject("detail").getInt("policyVersion"));
            }
        }

        expect(200, asAdmin.updateContent(admin, id, update(60, 0, null, false)));
        JsonObject after = asPlayer.entitlement(token, Player.request(1, id));
        HttpResponse<byte[]> license = asPlayer.redeem(after.getString("epTokenURL"), asPlayer.spc(device, id));
        assertEquals(0, Player.ckcClaims(license.body()).getInt("rentalDuration"), "the updated policy");
        JsonObject event = asAuditor.events(auditor, user).getJsonObject(0);
        assertEquals(2, event.getJsonObject("detail").getInt("policyVersion"));
        assertEquals(
                60,
                Duration.between(
                                Instant.parse(event.getString("occurredAt")),
                                Instant.parse(event.getString("tokenExpiresAt")))
                        .toSeconds());
    }

    @Test
    void aGroupRestrictedTitleNeedsTheGroup() {
        String id = newId();
        expect(201, asAdmin.addContent(admin, create(id, Admin.newKey(), 600, 0, "premium", false)));

        JsonObject refused = asPlayer.entitlement(token, Player.request(1, id));
        assertEquals(2003, refused.getInt("error"));
        JsonObject event = asAuditor.events(auditor, user).getJsonObject(0);
        assertEquals("GROUP_REQUIRED", event.getString("reasonCode"));
        assertEquals("failed", event.getJsonObject("detail").getString("groupCheck"));
        assertEquals("premium", event.getJsonObject("detail").getString("requiredGroup"));
        String cookie = asPlayer.registerDevice(token, Player.newDevice());
        assertEquals(
                2003, asPlayer.entitlement(token, Player.request(3, id, cookie)).getInt("error"));

        String premium = http.token(user, "subscriber,premium");
        assertTrue(asPlayer.entitlement(premium, Player.request(1, id)).getBoolean("isAllowed"));
        assertTrue(asPlayer.entitlement(premium, Player.request(3, id, cookie)).getBoolean("isAllowed"));
        assertEquals(
                "passed",
                asAuditor
                        .events(auditor, user)
                        .getJsonObject(0)
                        .getJsonObject("detail")
                        .getString("groupCheck"));
    }

    @Test
    void aTitleThatRequiresDeviceBindingRefusesTimeBasedTokens() {
        String id = newId();
        expect(201, asAdmin.addContent(admin, create(id, Admin.newKey(), 600, 0, null, true)));

        JsonObject refused = asPlayer.entitlement(token, Player.request(1, id));
        assertEquals(2004, refused.getInt("error"));
        assertTrue(refused.getString("errorText").contains("requestType 3"));
        String cookie = asPlayer.registerDevice(token, Player.newDevice());
        assertTrue(asPlayer.entitlement(token, Player.request(3, id, cookie)).getBoolean("isAllowed"));
    }

    @Test
    void aRetiredTitleGetsNoToken() {
        String id = newId();
        expect(201, asAdmin.addContent(admin, create(id, Admin.newKey(), 600, 0, null, false)));

        JsonObject retired = expect(200, asAdmin.retireContent(admin, id));
        assertTrue(retired.containsKey("retiredAt"));

        assertEquals(2002, asPlayer.entitlement(token, Player.request(1, id)).getInt("error"));
        expect(409, asAdmin.retireContent(admin, id));
        expect(409, asAdmin.updateContent(admin, id, update(60, 0, null, false)));
        expect(404, asAdmin.updateContent(admin, newId(), update(60, 0, null, false)));
    }

    @Test
    void reWrappingKeepsEveryTitlePlayableEndToEnd() {
        String id = newId();
        String key = Admin.newKey();
        expect(201, asAdmin.addContent(admin, create(id, key, 600, 0, null, false)));

        JsonObject rewrap = expect(200, asAdmin.rewrap(admin));
        assertEquals("dev-1", rewrap.getString("activeMasterKey"));
        assertTrue(rewrap.getInt("alreadyCurrent") + rewrap.getInt("rewrapped") >= 4);

        String everyGroup = "subscriber";
        for (JsonObject content : asAdmin.catalog(admin).getValuesAs(JsonObject.class)) {
            if (content.containsKey("requiredGroup")) {
                everyGroup += "," + content.getString("requiredGroup");
            }
        }
        String player = http.token(user, everyGroup);
        String device = Player.newDevice();
        String cookie = asPlayer.registerDevice(player, device);
        int played = 0;
        for (JsonObject content : asAdmin.catalog(admin).getValuesAs(JsonObject.class)) {
            String contentId = content.getString("contentId");
            assertEquals("dev-1", content.getString("masterKeyId"));
            if (content.containsKey("retiredAt") || content.getBoolean("registration")) {
                continue;
            }
            JsonObject granted = content.getBoolean("deviceBindingRequired")
                    ? asPlayer.entitlement(player, Player.request(3, contentId, cookie))
                    : asPlayer.entitlement(player, Player.request(1, contentId));
            assertTrue(granted.getBoolean("isAllowed"), contentId + ": " + granted);
            HttpResponse<byte[]> license =
                    asPlayer.redeem(granted.getString("epTokenURL"), asPlayer.spc(device, contentId));
            assertEquals(200, license.statusCode(), contentId);
            if (contentId.equals(id)) {
                assertEquals(
                        Player.keyRef(key), Player.ckcClaims(license.body()).getString("keyRef"));
            }
            played++;
        }
        assertTrue(played >= 3, "the demo titles and this one");
    }

    @Test
    void theCatalogIsForAdminsOnly() {
        expect(403, asAdmin.listContent(token));
        expect(403, asAdmin.addContent(token, create(newId(), Admin.newKey(), 600, 0, null, false)));
        expect(403, asAdmin.rewrap(auditor));
        expect(401, asAdmin.listContent(null));
    }

    private static String newId() {
        return "it-" + UUID.randomUUID();
    }

    private static String create(String id, String key, long window, long rental, String group, boolean binding) {
        return Admin.title(id, key, window, rental, group, binding).build().toString();
    }

    private static String update(long window, long rental, String group, boolean binding) {
        var body = Json.createObjectBuilder()
                .add("tokenLifetimeSeconds", window)
                .add("rentalDurationSeconds", rental)
                .add("deviceBindingRequired", binding);
        if (group != null) {
            body.add("requiredGroup", group);
        }
        return body.build().toString();
    }
}
