package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker and the bulkhead of the token API, with their default configuration: the
 * circuit opens when half of the last 20 calls failed, stays open 10 s, closes after 2 successes;
 * the bulkhead admits 16 concurrent calls. Both tests leave the circuit closed.
 */
class OverloadIT extends TetherIT {



    private String admin;
    private String auditor;
    private String user;
    private String token;

    @BeforeEach
    void setUp() {
        admin = tokenFor("admin");
        auditor = tokenFor("auditor");
        user = newUser("user");
        token = tether.token(user, "subscriber");
        tether.resetFaults(admin);
    }

    @AfterEach
    void clearFaults() {
        tether.resetFaults(admin);
    }

    @Test
    void theCircuitOpensRejectsWithoutCallingExpressPlayThenHalfOpensAndCloses() throws Exception {
        tether.injectFault(admin, Json.createObjectBuilder()
                .add("endpoint", "TOKEN").add("kind", "HTTP_STATUS").add("status", 503).add("count", 100_000));
        long before = tether.calls(admin, "TOKEN");
        int requests = 12;

        for (int i = 0; i < requests; i++) {
            assertEquals(4002, tether.entitlement(token, TetherClient.request(1, "demo-movie")).getInt("error"));
        }

        long attempts = tether.calls(admin, "TOKEN") - before;
        assertTrue(attempts < 3L * requests, "without a circuit each request makes 3 attempts; made " + attempts);
        long open = tether.calls(admin, "TOKEN");
        assertEquals(4002, tether.entitlement(token, TetherClient.request(1, "demo-movie")).getInt("error"));
        assertEquals(open, tether.calls(admin, "TOKEN"), "an open circuit rejects without calling ExpressPlay");
        JsonObject stats = TetherClient.json(tether.get("/api/expressplay/stats", admin).body()).getJsonObject("TOKEN");
        assertTrue(stats.getJsonObject("outcomes").getInt("CIRCUIT_OPEN") >= 1, stats.toString());
        assertTrue(stats.containsKey("lastRejectedByOpenCircuit"), stats.toString());

        tether.resetFaults(admin);
        Thread.sleep(10_500);
        for (int i = 0; i < 3; i++) {
            JsonObject recovered = tether.entitlement(token, TetherClient.request(1, "demo-movie"));
            assertTrue(recovered.getBoolean("isAllowed"), "half-open, then closed: " + recovered);
        }

        List<JsonObject> events = tether.audit(auditor, user).getValuesAs(JsonObject.class);
        assertEquals(requests + 1 + 3, events.size(), "one audit event per request");
        assertEquals(requests + 1, events.stream().filter(e -> "EXPRESSPLAY_UNAVAILABLE".equals(e.getString("reasonCode", ""))).count());
    }

    @Test
    void theBulkheadRejectsTheOverflowOfConcurrentCalls() throws Exception {
        // Each admitted call takes 2 s, well inside the 3 s timeout, so the bulkhead fills up.
        tether.injectFault(admin, Json.createObjectBuilder()
                .add("endpoint", "TOKEN").add("kind", "LATENCY").add("latencyMs", 2_000).add("count", 100));
        long before = tether.calls(admin, "TOKEN");
        int parallel = 22;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tether.sees(token, TetherClient.request(1, "demo-movie").build().toString());
                }));
            }
            start.countDown();
            int granted = 0;
            int rejected = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                JsonObject json = TetherClient.json(response.body());
                if (json.getBoolean("isAllowed")) {
                    granted++;
                } else {
                    assertEquals(4002, json.getInt("error"), json.toString());
                    rejected++;
                }
            }
            assertTrue(rejected >= 1, "the overflow is rejected: " + granted + " granted, " + rejected + " rejected");
            assertEquals(parallel, granted + rejected);
            assertEquals(granted, tether.calls(admin, "TOKEN") - before, "rejected calls never reached ExpressPlay");
            JsonObject simulator = TetherClient.json(tether.get("/simulator/faults", admin).body());
            int maxAtOnce = simulator.getJsonObject("maxConcurrentCalls").getInt("TOKEN");
            assertTrue(maxAtOnce <= 16 && maxAtOnce > 1, "ExpressPlay saw at most 16 calls at once: " + maxAtOnce);
            JsonObject stats = TetherClient.json(tether.get("/api/expressplay/stats", admin).body()).getJsonObject("TOKEN");
            assertTrue(stats.getJsonObject("outcomes").getInt("BULKHEAD_FULL") >= rejected, stats.toString());
            assertEquals(parallel, tether.audit(auditor, user).size(), "one audit event per request");
        } finally {
            pool.shutdownNow();
        }
    }
}
