package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per fault type: what the caller is told, how many attempts reached ExpressPlay (the
 * simulator counts them), and the single audit event each request leaves. This class makes fewer
 * than 20 token calls in all, the circuit breaker's volume threshold, so its circuits stay closed;
 * OverloadIT exercises the circuit.
 */
class ExpressPlayFaultsIT extends FaultInjectingIT {

    private static final String DEVICE = "cccccccccccccccccccccccccccccccccccccccc";

    @Test
    void aTransient503IsRetriedAndIssuesOneToken() {
        inject("TOKEN", fault("HTTP_STATUS").add("status", 503).add("count", 1));

        Attempt attempt = timeBased();

        assertTrue(attempt.answer.getBoolean("isAllowed"), attempt.answer.toString());
        assertEquals(2, attempt.tokenCalls, "one failure, one retry");
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED/"), events(), "one token, one event");
    }

    @Test
    void a503ThatLastsIsUnavailableAfterThreeAttempts() {
        inject("TOKEN", fault("HTTP_STATUS").add("status", 503).add("count", 3));

        Attempt attempt = timeBased();

        assertUnavailable(attempt.answer);
        assertEquals(3, attempt.tokenCalls, "the call and two retries");
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_UNAVAILABLE"), events());
    }

    @Test
    void anHttp500IsNotRetried() {
        inject("TOKEN", fault("HTTP_STATUS").add("status", 500).add("count", 1));

        Attempt attempt = timeBased();

        assertUnavailable(attempt.answer);
        assertEquals(1, attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_UNAVAILABLE"), events());
    }

    @Test
    void aConnectionClosedMidAnswerIsRetried() {
        inject("TOKEN", fault("DISCONNECT").add("count", 1));

        Attempt attempt = timeBased();

        assertTrue(attempt.answer.getBoolean("isAllowed"), attempt.answer.toString());
        assertEquals(2, attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED/"), events());
    }

    @Test
    void aMalformedBodyIsNotRetried() {
        inject("TOKEN", fault("MALFORMED_BODY").add("count", 1));

        Attempt attempt = timeBased();

        assertUnavailable(attempt.answer);
        assertEquals(1, attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_UNAVAILABLE"), events());
    }

    @Test
    void aBodyOfTheWrongContentTypeIsNotRetried() {
        inject("TOKEN", fault("WRONG_CONTENT_TYPE").add("count", 1));

        Attempt attempt = timeBased();

        assertUnavailable(attempt.answer);
        assertEquals(1, attempt.tokenCalls);
    }

    @Test
    void expressPlayBusinessErrorsAreNeverRetried() {
        inject("TOKEN", fault("ERROR_CODE").add("errorCode", -2019).add("count", 1));

        Attempt attempt = timeBased();

        assertFalse(attempt.answer.getBoolean("isAllowed"));
        assertEquals(4001, attempt.answer.getInt("error"));
        assertTrue(attempt.answer.getString("errorText").contains("-2019"), attempt.answer.toString());
        assertTrue(attempt.answer.getString("errorText").contains("no tokens left"), attempt.answer.toString());
        assertEquals(1, attempt.tokenCalls, "a refusal is not retried");
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_REFUSED"), events());
        JsonObject detail = latestDetail();
        assertEquals(400, detail.getInt("expressPlayStatus"), "ExpressPlay documents 400 for refusals");
        assertEquals(-2019, detail.getInt("expressPlayError"));
        assertEquals("Not enough tokens", detail.getString("expressPlayMessage"), "ExpressPlay's own words");
    }

    @Test
    void aRejectedAuthenticatorIsAConfigurationFaultNotAnOutage() throws Exception {
        inject("TOKEN", fault("ERROR_CODE").add("errorCode", -2018).add("count", 1));
        JsonObject before = tokenStats();

        Attempt attempt = timeBased();

        assertFalse(attempt.answer.getBoolean("isAllowed"));
        assertEquals(4001, attempt.answer.getInt("error"), attempt.answer.toString());
        assertTrue(attempt.answer.getString("errorText").contains("customer authenticator"), attempt.answer.toString());
        assertFalse(attempt.answer.getString("errorText").contains("1000,"), "no authenticator in the answer");
        assertEquals(1, attempt.tokenCalls, "not retried");
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_REFUSED"), events());
        assertEquals(401, latestDetail().getInt("expressPlayStatus"));
        JsonObject after = tokenStats();
        assertEquals(1, outcome(after, "MISCONFIGURED") - outcome(before, "MISCONFIGURED"));
        assertEquals(outcome(before, "UNAVAILABLE"), outcome(after, "UNAVAILABLE"), "not counted as an outage");

        JsonObject ready = readiness();
        JsonObject check = check(ready, "expressplay-account");
        assertEquals("DOWN", check.getString("status"), ready.toString());
        assertTrue(
                check.getJsonObject("data").getString("reason").contains("tether.expressplay.customer-authenticator"));
        assertFalse(ready.toString().contains("00112233445566778899aabbccddeeff"), "no authenticator in health");

        Attempt next = timeBased();
        assertTrue(next.answer.getBoolean("isAllowed"), "an accepted call ends the fault: " + next.answer);
        assertEquals("UP", check(readiness(), "expressplay-account").getString("status"));
    }

    @Test
    void aBadRequestWithoutAReadableBodyIsARefusalNotMisbehaviour() {
        inject("TOKEN", fault("HTTP_STATUS").add("status", 400).add("count", 1));

        Attempt attempt = timeBased();

        assertFalse(attempt.answer.getBoolean("isAllowed"));
        assertEquals(4001, attempt.answer.getInt("error"), attempt.answer.toString());
        assertEquals(1, attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_REFUSED"), events());
        assertEquals(0, latestDetail().getInt("expressPlayError"), "no code could be read");
    }

    @Test
    void aConnectionDroppedMidAnswerIsTransientOnRecordRetrievalWhateverItAnnounced() {
        for (String announced : List.of("application/json", "application/octet-stream", "text/html")) {
            String cookie = asPlayer.registerDevice(token, Player.newDevice());
            inject("RECORDS", fault("DISCONNECT").add("count", 1).add("contentType", announced));
            long before = asFaultOperator.calls(admin, "RECORDS");

            JsonObject answer = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));

            assertTrue(answer.getBoolean("isAllowed"), announced + ": " + answer);
            assertEquals(2, asFaultOperator.calls(admin, "RECORDS") - before, announced + ": retried once");
        }
    }

    @Test
    void anAccountWithoutDeviceBindingRefusesDeviceBoundTokensWith6008() {
        String cookie = asPlayer.registerDevice(token, DEVICE);
        asFaultOperator.deviceBinding(admin, "1000", false);
        try {
            JsonObject refused = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
            JsonObject timeBased = asPlayer.entitlement(token, Player.request(1, "demo-movie"));

            assertFalse(refused.getBoolean("isAllowed"));
            assertEquals(4003, refused.getInt("error"), refused.toString());
            assertTrue(timeBased.getBoolean("isAllowed"), "a token without a device restriction is still issued");
            List<String> events = events();
            assertEquals("TIME_BASED_TOKEN/GRANTED/", events.get(0));
            assertEquals("DEVICE_BOUND_TOKEN/REFUSED/DEVICE_BINDING_UNSUPPORTED", events.get(1));
        } finally {
            asFaultOperator.resetAccount(admin, "1000");
        }
    }

    @Test
    void anAccountWithoutDeviceBindingIsToldSoClearly() {
        String cookie = asPlayer.registerDevice(token, DEVICE);
        inject("TOKEN", fault("ERROR_CODE").add("errorCode", -6008).add("count", 1));

        JsonObject answer = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));

        assertFalse(answer.getBoolean("isAllowed"));
        assertEquals(4003, answer.getInt("error"));
        assertTrue(answer.getString("errorText").contains("Device binding is not supported"));
        assertEquals("DEVICE_BOUND_TOKEN/REFUSED/DEVICE_BINDING_UNSUPPORTED", events().get(0));
    }

    @Test
    void recordRetrievalDownRefusesTheDeviceBoundTokenAndRecoveryGrantsIt() {
        String cookie = asPlayer.registerDevice(token, DEVICE);
        inject("RECORDS", fault("HTTP_STATUS").add("status", 503).add("count", 3));
        long before = asFaultOperator.calls(admin, "RECORDS");

        JsonObject refused = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));

        assertUnavailable(refused);
        assertEquals(3, asFaultOperator.calls(admin, "RECORDS") - before);
        assertEquals("DEVICE_RESOLUTION/REFUSED/EXPRESSPLAY_UNAVAILABLE", events().get(0));

        JsonObject granted = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        assertEquals(
                List.of(
                        "DEVICE_BOUND_TOKEN/GRANTED/",
                        "DEVICE_RESOLUTION/GRANTED/",
                        "DEVICE_RESOLUTION/REFUSED/EXPRESSPLAY_UNAVAILABLE",
                        "REGISTRATION/GRANTED/"),
                events());
    }

    @Test
    void faultInjectionIsForAdminsOnly() {
        var response = asFaultOperator.state(token);

        assertEquals(403, response.statusCode());
    }

    private record Attempt(JsonObject answer, long tokenCalls) {}

    private Attempt timeBased() {
        long before = asFaultOperator.calls(admin, "TOKEN");
        JsonObject answer = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        return new Attempt(answer, asFaultOperator.calls(admin, "TOKEN") - before);
    }

    private static JsonObjectBuilder fault(String kind) {
        return Json.createObjectBuilder().add("kind", kind);
    }

    private void inject(String endpoint, JsonObjectBuilder fault) {
        asFaultOperator.inject(admin, fault.add("endpoint", endpoint));
    }

    private static void assertUnavailable(JsonObject answer) {
        assertFalse(answer.getBoolean("isAllowed"), answer.toString());
        assertEquals(4002, answer.getInt("error"), answer.toString());
        assertFalse(answer.containsKey("epTokenURL"));
    }

    private JsonObject latestDetail() {
        return asAuditor.events(auditor, user).getJsonObject(0).getJsonObject("detail");
    }

    private JsonObject tokenStats() {
        return Http.json(asAdmin.expressPlayStats(admin).body()).getJsonObject("TOKEN");
    }

    private static long outcome(JsonObject endpoint, String outcome) {
        return endpoint.getJsonObject("outcomes").getJsonNumber(outcome).longValue();
    }

    private JsonObject readiness() {
        return Http.json(http.get(URI.create(System.getProperty("tether.health.url") + "/ready"), null)
                .body());
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> name.equals(c.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the checks: " + health));
    }

    private List<String> events() {
        return Auditor.withReasons(asAuditor.events(auditor, user));
    }
}
