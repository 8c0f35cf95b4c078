package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wait a caller can have is bounded by the fault-tolerance policy (README, "When ExpressPlay
 * fails"), whatever ExpressPlay does: each attempt ends at its {@code @Timeout} (3 s for a token),
 * not at the HTTP read timeout. Latencies just below, at and above the timeout; each test asserts
 * the attempts made and how the call ended (the client's counters tell a timeout from a read
 * timeout), never a wall-clock figure.
 */
class ExpressPlayWaitsIT extends FaultInjectingIT {

    private static final long TIMEOUT_MS = 3_000;

    @Test
    void justBelowTheTimeoutTheFirstAttemptIsAnswered() {
        inject(TIMEOUT_MS - 700, 1);
        JsonObject before = tokenStats();

        Attempt attempt = timeBased();

        assertTrue(attempt.answer.getBoolean("isAllowed"), attempt.answer.toString());
        assertEquals(1, attempt.tokenCalls);
        assertEquals(0, outcome(tokenStats(), "TIMED_OUT") - outcome(before, "TIMED_OUT"));
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED/"), events());
    }

    @Test
    void atTheTimeoutTheCallIsAnsweredOnceByTheFirstAttemptOrTheRetry() {
        inject(TIMEOUT_MS, 1);

        Attempt attempt = timeBased();

        assertTrue(attempt.answer.getBoolean("isAllowed"), attempt.answer.toString());
        assertTrue(attempt.tokenCalls == 1 || attempt.tokenCalls == 2, "attempts: " + attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED/"), events(), "one token, one event");
    }

    @Test
    void aboveTheTimeoutEveryAttemptIsCutOffByTheTimeoutAndTheCallerIsToldAtOnce() {
        // Each answer would come after 6 s, beyond the HTTP read timeout too: only @Timeout ends the attempts.
        inject(2 * TIMEOUT_MS, 3);
        JsonObject before = tokenStats();

        Attempt attempt = timeBased();

        assertFalse(attempt.answer.getBoolean("isAllowed"));
        assertEquals(4002, attempt.answer.getInt("error"), attempt.answer.toString());
        assertEquals(3, attempt.tokenCalls, "the call and two retries");
        JsonObject after = tokenStats();
        assertEquals(1, outcome(after, "TIMED_OUT") - outcome(before, "TIMED_OUT"), "ended by @Timeout");
        assertEquals(outcome(before, "UNAVAILABLE"), outcome(after, "UNAVAILABLE"), "not by a read timeout");
        assertEquals(List.of("TIME_BASED_TOKEN/REFUSED/EXPRESSPLAY_UNAVAILABLE"), events());
    }

    @Test
    void oneSlowAnswerIsAbandonedAndTheRetryIsAnswered() {
        inject(TIMEOUT_MS + 1_000, 1);

        Attempt attempt = timeBased();

        assertTrue(attempt.answer.getBoolean("isAllowed"), attempt.answer.toString());
        assertEquals(2, attempt.tokenCalls);
        assertEquals(List.of("TIME_BASED_TOKEN/GRANTED/"), events());
    }

    /**
     * Healthy calls after each test, so that the timeouts above (which count against the token
     * circuit) do not open it for the classes that run next: the circuit looks at the last 20 calls.
     */
    @AfterEach
    void letTheCircuitSeeHealthyCalls() {
        asFaultOperator.reset(admin);
        for (int i = 0; i < 20; i++) {
            JsonObject answer = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
            assertTrue(answer.getBoolean("isAllowed"), answer.toString());
        }
    }

    private record Attempt(JsonObject answer, long tokenCalls) {}

    private Attempt timeBased() {
        long before = asFaultOperator.calls(admin, "TOKEN");
        JsonObject answer = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        return new Attempt(answer, asFaultOperator.calls(admin, "TOKEN") - before);
    }

    private void inject(long latencyMs, int count) {
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "LATENCY")
                        .add("latencyMs", latencyMs)
                        .add("count", count));
    }

    private JsonObject tokenStats() {
        return Http.json(asAdmin.expressPlayStats(admin).body()).getJsonObject("TOKEN");
    }

    private static long outcome(JsonObject endpoint, String outcome) {
        return endpoint.getJsonObject("outcomes").getJsonNumber(outcome).longValue();
    }

    private List<String> events() {
        return Auditor.withReasons(asAuditor.events(auditor, user));
    }
}
