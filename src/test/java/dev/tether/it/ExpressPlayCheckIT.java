package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator's check of ExpressPlay's contract (POST /api/admin/expressplay/check): one token and
 * one record lookup against the configured ExpressPlay, reported without secrets and audited.
 */
class ExpressPlayCheckIT extends FaultInjectingIT {

    @Test
    void againstAFaithfulExpressPlayTheCheckPassesAndSaysWhatCameBack() {
        String operator = newUser("operator");
        String bearer = http.token(operator, "admin");

        HttpResponse<String> response = http.call("POST", "/api/admin/expressplay/check", bearer, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = Http.json(response.body());
        assertTrue(report.getBoolean("passed"), report.toString());
        JsonObject token = report.getJsonObject("token");
        assertEquals("issued", token.getString("outcome"));
        assertEquals("localhost", token.getString("host"));
        assertTrue(
                token.getBoolean("deviceRestrictionEchoed"), "the simulator's token carries the deviceid restriction");
        JsonObject records = report.getJsonObject("records");
        assertEquals("answered", records.getString("outcome"));
        assertFalse(records.getBoolean("deviceFound"), "nobody redeemed the check's fresh cookie");
        assertNoSecrets(response.body());
        assertEquals(List.of("EXPRESSPLAY_CHECKED/GRANTED/"), Auditor.withReasons(asAuditor.events(auditor, operator)));
    }

    @Test
    void aRejectedAuthenticatorFailsTheCheckWithItsReason() {
        String operator = newUser("operator");
        String bearer = http.token(operator, "admin");
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "ERROR_CODE")
                        .add("errorCode", -2018)
                        .add("count", 1));

        HttpResponse<String> response = http.call("POST", "/api/admin/expressplay/check", bearer, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = Http.json(response.body());
        assertFalse(report.getBoolean("passed"));
        assertEquals("misconfigured", report.getJsonObject("token").getString("outcome"));
        assertEquals(-2018, report.getJsonObject("token").getInt("expressPlayError"));
        assertNoSecrets(response.body());
        // The records call that followed was answered: the account is accepted again, readiness recovers.
        assertEquals("answered", report.getJsonObject("records").getString("outcome"));
    }

    @Test
    void onlyAdminsMayRunIt() {
        HttpResponse<String> response = http.call("POST", "/api/admin/expressplay/check", token, null);

        assertEquals(403, response.statusCode());
    }

    private static void assertNoSecrets(String body) {
        assertFalse(body.contains("00112233445566778899aabbccddeeff"), "no authenticator: " + body);
        assertFalse(body.contains("ExpressPlayToken"), "no token URL: " + body);
    }
}
