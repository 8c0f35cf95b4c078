package dev.tether.it;

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
        token = tether.token(user, "subscriber");
        firstAdmin = tether.token("admin-" + UUID.randomUUID(), "admin");
        secondAdmin = tether.token("admin-" + UUID.randomUUID(), "admin");
        auditor = tether.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    @Test
    void aSecondAdminApprovesAndEveryDeviceOfTheUserIsRemoved() {
        String cookieA = tether.registerDevice(token, TetherClient.newDevice());
        String cookieB = tether.registerDevice(token, TetherClient.newDevice());
        assertTrue(bound(cookieA).getBoolean("isAllowed"));
        assertTrue(bound(cookieB).getBoolean("isAllowed"));
        long id = request("phantom devices after a reinstall, ticket 99");
        tether.expect(409, "POST", "/api/admin/users/" + user + "/device-resets", secondAdmin,
                "{\"reason\":\"the same, twice\"}");

        JsonObject own = tether.expect(403, "POST", decide(id, "approve"), firstAdmin, "{\"reason\":\"approving myself\"}");
        assertEquals("https://tether.dev/problems/two-person-rule", own.getString("type"));
        assertEquals(2, tether.list("/api/devices", token).size(), "nothing happened");

        JsonObject approved = tether.expect(200, "POST", decide(id, "approve"), secondAdmin,
                "{\"reason\":\"checked with the user\"}");
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(2, approved.getInt("devicesReset"));
        assertEquals(0, tether.list("/api/devices", token).size());
        assertEquals(3010, bound(cookieA).getInt("error"));
        tether.expect(409, "POST", decide(id, "reject"), firstAdmin, "{\"reason\":\"too late\"}");

        List<JsonObject> events = tether.audit(auditor, user).getValuesAs(JsonObject.class);
        JsonObject approval = events.stream().filter(e -> e.getString("type").equals("DEVICE_RESET_APPROVED")
                && e.getString("outcome").equals("GRANTED")).findFirst().orElseThrow();
        assertEquals("checked with the user", approval.getJsonObject("detail").getString("reason"));
        assertEquals("phantom devices after a reinstall, ticket 99", approval.getJsonObject("detail").getString("requestReason"));
        assertTrue(events.stream().anyMatch(e -> e.getString("type").equals("DEVICE_RESET_APPROVED")
                && e.getString("reasonCode", "").equals("SAME_ADMIN")), "the refused self-approval is audited");
        assertTrue(events.stream().anyMatch(e -> e.getString("type").equals("DEVICE_RESET_REQUESTED")
                && e.getString("outcome").equals("GRANTED")));
    }

    @Test
    void aRejectedRequestChangesNothing() {
        bound(tether.registerDevice(token, TetherClient.newDevice()));
        long id = request("user asked by phone");

        tether.expect(400, "POST", decide(id, "reject"), secondAdmin, "{}");
        JsonObject rejected = tether.expect(200, "POST", decide(id, "reject"), secondAdmin,
                "{\"reason\":\"caller could not be verified\"}");

        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals(1, tether.list("/api/devices", token).size());
        assertEquals("REJECTED", tether.expect(200, "GET", "/api/admin/device-resets/" + id, firstAdmin, null)
                .getString("status"));
        tether.expect(409, "POST", decide(id, "approve"), firstAdmin, "{\"reason\":\"overrule\"}");
    }

    @Test
    void anExpiredRequestCannotBeApproved() throws Exception {
        bound(tether.registerDevice(token, TetherClient.newDevice()));
        JsonObject created = tether.expect(201, "POST", "/api/admin/users/" + user + "/device-resets", firstAdmin,
                "{\"reason\":\"short-lived\",\"validFor\":\"PT1S\"}");
        long id = created.getJsonNumber("id").longValue();
        Thread.sleep(1_500);

        assertEquals("EXPIRED", tether.expect(200, "GET", "/api/admin/device-resets/" + id, secondAdmin, null)
                .getString("status"));
        JsonObject problem = tether.expect(409, "POST", decide(id, "approve"), secondAdmin, "{\"reason\":\"late\"}");
        assertEquals("https://tether.dev/problems/reset-expired", problem.getString("type"));
        assertEquals(1, tether.list("/api/devices", token).size());
        request("a new request is possible once the old one expired");
    }

    @Test
    void badRequestsUnknownRequestsAndWrongRolesAreProblems() {
        tether.expect(400, "POST", "/api/admin/users/" + user + "/device-resets", firstAdmin, "{}");
        tether.expect(400, "POST", "/api/admin/users/" + user + "/device-resets", firstAdmin,
                "{\"reason\":\"too long\",\"validFor\":\"P30D\"}");
        tether.expect(400, "POST", "/api/admin/users/" + user + "/device-resets", firstAdmin,
                "{\"reason\":\"nonsense\",\"validFor\":\"PT\"}");
        JsonObject unknown = tether.expect(404, "GET", "/api/admin/device-resets/987654321", firstAdmin, null);
        assertEquals("https://tether.dev/problems/unknown-reset-request", unknown.getString("type"));
        tether.expect(404, "POST", decide(987654321, "approve"), firstAdmin, "{\"reason\":\"whatever\"}");
        tether.expect(403, "POST", decide(987654321, "approve"), token, "{\"reason\":\"whatever\"}");
        tether.expect(403, "GET", "/api/admin/device-resets/1", auditor, null);
    }

    private long request(String reason) {
        JsonObject created = tether.expect(201, "POST", "/api/admin/users/" + user + "/device-resets", firstAdmin,
                "{\"reason\":\"" + reason + "\"}");
        assertEquals("PENDING", created.getString("status"));
        return created.getJsonNumber("id").longValue();
    }

    private static String decide(long id, String decision) {
        return "/api/admin/device-resets/" + id + "/" + decision;
    }

    private JsonObject bound(String cookie) {
        return tether.entitlement(token, TetherClient.request(3, "demo-movie", cookie));
    }
}
