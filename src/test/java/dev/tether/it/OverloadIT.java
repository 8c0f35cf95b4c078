package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker and the bulkhead of the token API, with their default configuration: the
 * circuit opens when half of the last 20 calls failed, stays open 10 s, closes after 2 successes;
 * the bulkhead admits 64 concurrent calls and queues 64 more (the calls are asynchronous); beyond
 * that Tether says it is busy (4005), not that ExpressPlay is unavailable. Both tests leave the
 * circuit closed.
 */
class OverloadIT extends FaultInjectingIT {

    @Test
    void theCircuitOpensRejectsWithoutCallingExpressPlayThenHalfOpensAndCloses() throws Exception {
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "HTTP_STATUS")
                        .add("status", 503)
                        .add("count", 100_000));
        long before = asFaultOperator.calls(admin, "TOKEN");
        int requests = 12;

        for (int i = 0; i < requests; i++) {
            assertEquals(
                    4002,
                    asPlayer.entitlement(token, Player.request(1, "demo-movie")).getInt("error"));
        }

        long attempts = asFaultOperator.calls(admin, "TOKEN") - before;
        assertTrue(attempts < 3L * requests, "without a circuit each request makes 3 attempts; made " + attempts);
        long open = asFaultOperator.calls(admin, "TOKEN");
        assertEquals(
                4002,
                asPlayer.entitlement(token, Player.request(1, "demo-movie")).getInt("error"));
        assertEquals(
                open, asFaultOperator.calls(admin, "TOKEN"), "an open circuit rejects without calling ExpressPlay");
        JsonObject stats = Http.json(asAdmin.expressPlayStats(admin).body()).getJsonObject("TOKEN");
        assertTrue(stats.getJsonObject("outcomes").getInt("CIRCUIT_OPEN") >= 1, stats.toString());
        assertTrue(stats.containsKey("lastRejectedByOpenCircuit"), stats.toString());

        // The circuit lets a trial call through after its 10 s delay; until then it rejects at once.
        asFaultOperator.reset(admin);
        int[] waiting = {0};
        JsonObject halfOpen = eventually(
                Duration.ofSeconds(30),
                () -> {
                    waiting[0]++;
                    return asPlayer.entitlement(token, Player.request(1, "demo-movie"));
                },
                answer -> answer.getBoolean("isAllowed"));
        assertTrue(halfOpen.getBoolean("isAllowed"));
        for (int i = 0; i < 2; i++) {
            assertTrue(
                    asPlayer.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"),
                    "closed again after recovery");
        }

        int refused = requests + 1 + waiting[0] - 1;
        List<JsonObject> events = asAuditor.events(auditor, user, 500).getValuesAs(JsonObject.class);
        assertEquals(refused + 3, events.size(), "one audit event per request");
        assertEquals(
                refused,
                events.stream()
                        .filter(e -> "EXPRESSPLAY_UNAVAILABLE".equals(e.getString("reasonCode", "")))
                        .count());
    }

    @Test
    void theBulkheadRejectsTheOverflowOfConcurrentCalls() throws Exception {
        // Each admitted call takes 0.5 s: 64 run, 64 wait their turn and still end well inside the
        // 3 s timeout, and the rest of 160 simultaneous calls find the bulkhead and its queue full.
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "LATENCY")
                        .add("latencyMs", 500)
                        .add("count", 1_000));
        long before = asFaultOperator.calls(admin, "TOKEN");
        int parallel = 160;
        List<HttpResponse<String>> answers = Concurrently.atOnce(
                Concurrently.times(
                        parallel,
                        // An exempt title (no stream lease): one user's stream admissions are taken one
                        // after the other under the user's lock, which would meter the burst before it
                        // reaches the bulkhead this test overflows.
                        () -> asPlayer.sees(
                                token, Player.request(1, "demo-preview").build().toString())),
                Duration.ofSeconds(60));
        int granted = 0;
        int rejected = 0;
        for (HttpResponse<String> response : answers) {
            assertEquals(200, response.statusCode(), response.body());
            JsonObject json = Http.json(response.body());
            if (json.getBoolean("isAllowed")) {
                granted++;
            } else {
                assertEquals(4005, json.getInt("error"), "Tether is busy, ExpressPlay is not down: " + json);
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
                rejected++;
            }
        }
        assertTrue(rejected >= 1, "the overflow is rejected: " + granted + " granted, " + rejected + " rejected");
        assertTrue(granted > 64, "the queue serves more than the bulkhead runs at once: " + granted);
        assertEquals(parallel, granted + rejected);
        assertEquals(
                granted, asFaultOperator.calls(admin, "TOKEN") - before, "rejected calls never reached ExpressPlay");
        JsonObject simulator = Http.json(asFaultOperator.state(admin).body());
        int maxAtOnce = simulator.getJsonObject("maxConcurrentCalls").getInt("TOKEN");
        assertTrue(maxAtOnce <= 64 && maxAtOnce > 1, "ExpressPlay saw at most 64 calls at once: " + maxAtOnce);
        JsonObject stats = Http.json(asAdmin.expressPlayStats(admin).body()).getJsonObject("TOKEN");
        assertTrue(stats.getJsonObject("outcomes").getInt("BULKHEAD_FULL") >= rejected, stats.toString());
        int refusedAtTheBulkhead = rejected;
        eventually(
                Duration.ofSeconds(30),
                () -> OtlpReceiver.shared().points("tether.busy"),
                points -> points.stream()
                        .anyMatch(p ->
                                "expressplay-bulkhead".equals(p.attributes().get("limit"))
                                        && p.value() >= refusedAtTheBulkhead));
        List<JsonObject> events = asAuditor.events(auditor, user, 500).getValuesAs(JsonObject.class);
        assertEquals(parallel, events.size(), "one audit event per request");
        assertEquals(
                rejected,
                events.stream()
                        .filter(e -> "TETHER_BUSY".equals(e.getString("reasonCode", "")))
                        .count(),
                "the audit reason says which limit was reached");
    }
}
