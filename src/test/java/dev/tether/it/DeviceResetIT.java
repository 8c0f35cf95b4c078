package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-person reset of a user's devices, over HTTP on the real server. */
class DeviceResetIT extends TetherIT {

    private String user;
    private String token;
    private String firstAdmin;
    private String secondAdmin;
    private String auditor;

    @BeforeEach
    void signIn() {
        user = "user-" + UUID.randomUUID();
        token = http.token(user, "subscriber");
        firstAdmin = http.token("admin-" + UUID.randomUUID(), "admin");
        secondAdmin = http.token("admin-" + UUID.randomUUID(), "admin");
        auditor = http.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void aSecondAdminApprovesAndEveryDeviceOfTheUserIsRemoved() {
        String cookieA = asPlayer.registerDevice(token, Player.newDevice());
        String cookieB = asPlayer.registerDevice(token, Player.newDevice());
        assertTrue(bound(cookieA).getBoolean("isAllowed"));
        assertTrue(bound(cookieB).getBoolean("isAllowed"));
        long id = request("phantom devices after a reinstall, ticket 99");
        expect(409, asAdmin.requestReset(secondAdmin, user, "{\"reason\":\"the same, twice\"}"));

        JsonObject own =
                expect(403, asAdmin.decideReset(firstAdmin, id, "approve", "{\"reason\":\"approving myself\"}"));
        assertEquals("https://tether.dev/problems/two-person-rule", own.getString("type"));
        assertEquals(2, asSubscriber.devices(token).size(), "nothing happened");

        JsonObject approved =
                expect(200, asAdmin.decideReset(secondAdmin, id, "approve", "{\"reason\":\"checked with the user\"}"));
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(2, approved.getInt("devicesReset"));
        assertEquals(0, asSubscriber.devices(token).size());
        assertEquals(3010, bound(cookieA).getInt("error"));
        expect(409, asAdmin.decideReset(firstAdmin, id, "reject", "{\"reason\":\"too late\"}"));

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        JsonObject approval = events.stream()
                .filter(e -> e.getString("type").equals("DEVICE_RESET_APPROVED")
                        && e.getString("outcome").equals("GRANTED"))
                .findFirst()
                .orElseThrow();
        assertEquals("checked with the user", approval.getJsonObject("detail").getString("reason"));
        assertEquals(
                "phantom devices after a reinstall, ticket 99",
                approval.getJsonObject("detail").getString("requestReason"));
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.getString("type").equals("DEVICE_RESET_APPROVED")
                                && e.getString("reasonCode", "").equals("SAME_ADMIN")),
                "the refused self-approval is audited");
        assertTrue(events.stream()
                .anyMatch(e -> e.getString("type").equals("DEVICE_RESET_REQUESTED")
                        && e.getString("outcome").equals("GRANTED")));
    }

    @Test
    void aRejectedRequestChangesNothing() {
        bound(asPlayer.registerDevice(token, Player.newDevice()));
        long id = request("user asked by phone");

        expect(400, asAdmin.decideReset(secondAdmin, id, "reject", "{}"));
        JsonObject rejected = expect(
                200, asAdmin.decideReset(secondAdmin, id, "reject", "{\"reason\":\"caller could not be verified\"}"));

        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals(1, asSubscriber.devices(token).size());
        assertEquals("REJECTED", expect(200, asAdmin.reset(firstAdmin, id)).getString("status"));
        expect(409, asAdmin.decideReset(firstAdmin, id, "approve", "{\"reason\":\"overrule\"}"));
    }

    @Test
    void anExpiredRequestCannotBeApproved() throws Exception {
        bound(asPlayer.registerDevice(token, Player.newDevice()));
        JsonObject created = expect(
                201, asAdmin.requestReset(firstAdmin, user, "{\"reason\":\"short-lived\",\"validFor\":\"PT1S\"}"));
        long id = created.getJsonNumber("id").longValue();
        Thread.sleep(1_500);

        assertEquals("EXPIRED", expect(200, asAdmin.reset(secondAdmin, id)).getString("status"));
        JsonObject problem = expect(409, asAdmin.decideReset(secondAdmin, id, "approve", "{\"reason\":\"late\"}"));
        assertEquals("https://tether.dev/problems/reset-expired", problem.getString("type"));
        assertEquals(1, asSubscriber.devices(token).size());
        request("a new request is possible once the old one expired");
    }

    @Test
    void badRequestsUnknownRequestsAndWrongRolesAreProblems() {
        expect(400, asAdmin.requestReset(firstAdmin, user, "{}"));
        expect(400, asAdmin.requestReset(firstAdmin, user, "{\"reason\":\"too long\",\"validFor\":\"P30D\"}"));
        expect(400, asAdmin.requestReset(firstAdmin, user, "{\"reason\":\"nonsense\",\"validFor\":\"PT\"}"));
        JsonObject unknown = expect(404, asAdmin.reset(firstAdmin, 987654321));
        assertEquals("https://tether.dev/problems/unknown-reset-request", unknown.getString("type"));
        expect(404, asAdmin.decideReset(firstAdmin, 987654321, "approve", "{\"reason\":\"whatever\"}"));
        expect(403, asAdmin.decideReset(token, 987654321, "approve", "{\"reason\":\"whatever\"}"));
        expect(403, asAdmin.reset(auditor, 1));
    }

    private long request(String reason) {
        JsonObject created = expect(201, asAdmin.requestReset(firstAdmin, user, "{\"reason\":\"" + reason + "\"}"));
        assertEquals("PENDING", created.getString("status"));
        return created.getJsonNumber("id").longValue();
    }

    private JsonObject bound(String cookie) {
        return asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
    }
}
