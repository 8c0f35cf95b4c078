package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 deprovisioning end to end: the IdP's provisioning client creates, finds, deactivates,
 * re-activates and deletes users; a deactivated user's devices and cookies end and every SEES
 * request of theirs is refused with 3013, each step audited with the client as actor.
 */
class ScimProvisioningIT extends TetherIT {

    private Provisioner scim;
    private String provisioner;
    private String provisionerName;
    private String auditor;
    private String user;
    private String token;

    @BeforeEach
    void signIn() {
        scim = new Provisioner(http);
        provisionerName = newUser("idp-provisioning");
        provisioner = http.token(provisionerName, "provisioner");
        auditor = tokenFor("auditor");
        user = newUser("scim-user");
        token = http.token(user, "subscriber");
    }

    @Test
    void aCreatedUserIsFoundByUserNameAndReadById() {
        HttpResponse<String> created = scim.create(provisioner, Provisioner.user(user, true));
        JsonObject body = expect(201, created);
        assertEquals(
                Provisioner.SCIM, created.headers().firstValue("Content-Type").orElse(""));
        String id = body.getString("id");
        assertEquals(user, body.getString("userName"));
        assertTrue(body.getBoolean("active"));
        assertEquals("ext-" + user, body.getString("externalId"));
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/scim/v2/Users/" + id));

        JsonObject list = expect(200, scim.find(provisioner, user));
        assertEquals(1, list.getInt("totalResults"));
        assertEquals(id, list.getJsonArray("Resources").getJsonObject(0).getString("id"));
        assertEquals(0, expect(200, scim.find(provisioner, newUser("nobody"))).getInt("totalResults"));
        assertEquals(user, expect(200, scim.read(provisioner, id)).getString("userName"));

        JsonObject duplicate = expect(409, scim.create(provisioner, Provisioner.user(user, true)));
        assertEquals("uniqueness", duplicate.getString("scimType"));
        assertEquals("409", duplicate.getString("status"));
    }

    @Test
    void deactivationEndsAccessDevicesAndCookiesAndReactivationRestoresAccessOnly() {
        String boundCookie = asPlayer.bindDevice(token, Player.newDevice());
        String pendingCookie =
                asPlayer.entitlement(token, Player.request(2, "demo-movie")).getString("customerCookie");
        assertEquals(1, asSubscriber.devices(token).size());
        String id = expect(201, scim.create(provisioner, Provisioner.user(user, true)))
                .getString("id");

        JsonObject deactivated = expect(200, scim.patch(provisioner, id, Provisioner.setActive(false)));
        assertFalse(deactivated.getBoolean("active"));

        for (JsonObject refused : List.of(
                asPlayer.entitlement(token, Player.request(1, "demo-movie")),
                asPlayer.entitlement(token, Player.request(2, "demo-movie")),
                asPlayer.entitlement(token, Player.request(3, "demo-movie", boundCookie)))) {
            assertFalse(refused.getBoolean("isAllowed"));
            assertEquals(3013, refused.getInt("error"), refused.toString());
        }
        assertEquals(0, asSubscriber.devices(token).size(), "the user's devices are removed");

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        JsonObject deprovisioning = only(events, "USER_DEPROVISIONED", "GRANTED");
        assertEquals(provisionerName, deprovisioning.getString("actorId"));
        assertEquals(1, deprovisioning.getJsonObject("detail").getInt("devicesRemoved"));
        assertEquals(1, deprovisioning.getJsonObject("detail").getInt("pendingCookiesEnded"));
        JsonObject removal = only(events, "DEVICE_REMOVED", "GRANTED");
        assertEquals(provisionerName, removal.getString("actorId"));
        assertTrue(events.stream().anyMatch(e -> e.getString("reasonCode", "").equals("USER_DEPROVISIONED")));
        assertEquals(
                provisionerName, only(events, "USER_PROVISIONED", "GRANTED").getString("actorId"));

        JsonObject reactivated = expect(200, scim.replace(provisioner, id, Provisioner.user(user, true)));
        assertTrue(reactivated.getBoolean("active"));
        assertEquals(
                provisionerName,
                only(asAuditor.events(auditor, user).getValuesAs(JsonObject.class), "USER_REACTIVATED", "GRANTED")
                        .getString("actorId"));
        assertEquals(0, asSubscriber.devices(token).size(), "re-activation restores no device");
        assertEquals(
                3010,
                asPlayer.entitlement(token, Player.request(3, "demo-movie", boundCookie))
                        .getInt("error"));
        assertFalse(asPlayer.entitlement(token, Player.request(3, "demo-movie", pendingCookie))
                .getBoolean("isAllowed"));
        asPlayer.bindDevice(token, Player.newDevice());
        assertEquals(1, asSubscriber.devices(token).size(), "a device registers again");
    }

    @Test
    void aDeletedUserIsRefusedUntilCreatedAgain() {
        asPlayer.bindDevice(token, Player.newDevice());
        String id = expect(201, scim.create(provisioner, Provisioner.user(user, true)))
                .getString("id");

        HttpResponse<String> deleted = scim.delete(provisioner, id);
        assertEquals(204, deleted.statusCode());
        assertEquals("404", expect(404, scim.read(provisioner, id)).getString("status"));
        assertEquals(0, expect(200, scim.find(provisioner, user)).getInt("totalResults"));
        assertEquals(
                3013,
                asPlayer.entitlement(token, Player.request(2, "demo-movie")).getInt("error"));
        assertEquals(0, asSubscriber.devices(token).size());
        assertEquals(
                provisionerName,
                only(asAuditor.events(auditor, user).getValuesAs(JsonObject.class), "USER_DELETED", "GRANTED")
                        .getString("actorId"));

        expect(201, scim.create(provisioner, Provisioner.user(user, true)));
        assertTrue(asPlayer.entitlement(token, Player.request(2, "demo-movie")).getBoolean("isAllowed"));
    }

    @Test
    void aUserCreatedInactiveIsRefusedFromTheStart() {
        expect(201, scim.create(provisioner, Provisioner.user(user, false)));

        assertEquals(
                3013,
                asPlayer.entitlement(token, Player.request(2, "demo-movie")).getInt("error"));
    }

    @Test
    void entraIdsPatchWithoutPathAndStringBooleansIsUnderstood() {
        String id = expect(201, scim.create(provisioner, Provisioner.user(user, true)))
                .getString("id");
        String entra = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":\"False\",\"displayName\":\"Gone\"}}]}";

        JsonObject patched = expect(200, scim.patch(provisioner, id, entra));

        assertFalse(patched.getBoolean("active"));
        assertEquals("Gone", patched.getString("displayName"));
    }

    @Test
    void badInputIsASCIMErrorNeverA500() {
        String id = expect(201, scim.create(provisioner, Provisioner.user(user, true)))
                .getString("id");
        String patchOp = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";

        assertScimError(400, "invalidSyntax", scim.create(provisioner, "{\"schemas\":"));
        assertScimError(400, "invalidSyntax", scim.create(provisioner, "[]"));
        assertScimError(400, "invalidSyntax", scim.create(provisioner, ""));
        assertScimError(
                400,
                "invalidValue",
                scim.create(
                        provisioner,
                        Provisioner.user(newUser("x"), true)
                                .replace("\"active\"", "\"favouriteColour\":\"red\",\"active\"")));
        assertScimError(400, "invalidValue", scim.create(provisioner, "{\"userName\":\"" + newUser("x") + "\"}"));
        assertScimError(
                400,
                "invalidValue",
                scim.create(
                        provisioner, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":42}"));
        assertScimError(
                400,
                "invalidValue",
                scim.create(
                        provisioner,
                        Provisioner.user(newUser("x"), true).replace("\"active\":true", "\"active\":\"maybe\"")));
        assertScimError(400, "invalidValue", scim.patch(provisioner, id, patchOp + "[]}"));
        assertScimError(
                400,
                "invalidValue",
                scim.patch(provisioner, id, patchOp + "[{\"op\":\"explode\",\"path\":\"active\",\"value\":true}]}"));
        assertScimError(
                400,
                "invalidPath",
                scim.patch(provisioner, id, patchOp + "[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}]}"));
        assertScimError(
                400,
                "mutability",
                scim.patch(provisioner, id, patchOp + "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"x\"}]}"));
        assertScimError(400, "noTarget", scim.patch(provisioner, id, patchOp + "[{\"op\":\"remove\"}]}"));
        assertScimError(400, "mutability", scim.replace(provisioner, id, Provisioner.user(newUser("other"), true)));
        assertScimError(
                400, "invalidFilter", scim.send("GET", "?filter=" + Http.enc("emails co \"x\""), provisioner, null));
        assertScimError(404, null, scim.patch(provisioner, "no-such-user", Provisioner.setActive(false)));
        assertScimError(404, null, scim.delete(provisioner, "no-such-user"));
        assertTrue(expect(200, scim.read(provisioner, id)).getBoolean("active"), "no refused request changed the user");

        assertEquals(
                403, scim.create(token, Provisioner.user(newUser("x"), true)).statusCode());
        assertEquals(
                401, scim.create(null, Provisioner.user(newUser("x"), true)).statusCode());
    }

    private static void assertScimError(int status, String scimType, HttpResponse<String> response) {
        JsonObject error = expect(status, response);
        assertEquals(
                Provisioner.SCIM, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "urn:ietf:params:scim:api:messages:2.0:Error",
                error.getJsonArray("schemas").getString(0));
        assertEquals(Integer.toString(status), error.getString("status"));
        if (scimType != null) {
            assertEquals(scimType, error.getString("scimType"), error.toString());
        }
    }

    private static JsonObject only(List<JsonObject> events, String type, String outcome) {
        return events.stream()
                .filter(e -> e.getString("type").equals(type)
                        && e.getString("outcome").equals(outcome))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + "/" + outcome + " in " + events));
    }
}
