package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many requests under random faults: nothing lost, nothing invented; and the health checks. */
class MixedFaultsIT extends FaultInjectingIT {

    @Test
    void underRandomFaultsTheAuditTrailAccountsForEveryRequestExactlyOnce() throws Exception {
        fault("HTTP_STATUS", 0.15, f -> f.add("status", 503));
        fault("HTTP_STATUS", 0.05, f -> f.add("status", 500));
        fault("DISCONNECT", 0.05, f -> f);
        fault("MALFORMED_BODY", 0.03, f -> f);
        fault("ERROR_CODE", 0.05, f -> f.add("errorCode", -2019));
        fault("LATENCY", 0.10, f -> f.add("latencyMs", 100));
        int requests = 240;

        Map<String, Boolean> allowedByMessage = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                done.add(pool.submit(() -> {
                    String messageId = Player.newMessageId();
                    HttpResponse<String> response = asPlayer.sees(
                            token,
                            Player.request(1, "demo-movie")
                                    .add("messageID", messageId)
                                    .build()
                                    .toString());
                    assertEquals(200, response.statusCode(), response.body());
                    JsonObject answer = Http.json(response.body());
                    assertEquals(messageId, answer.getString("messageID"));
                    allowedByMessage.put(messageId, answer.getBoolean("isAllowed"));
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonObject> events = asAuditor.events(auditor, user, 500).getValuesAs(JsonObject.class);
        assertEquals(requests, events.size(), "one event per request, no more, no less");
        Map<String, Integer> seen = new HashMap<>();
        for (JsonObject event : events) {
            String messageId = event.getString("requestId");
            seen.merge(messageId, 1, Integer::sum);
            boolean granted = "GRANTED".equals(event.getString("outcome"));
            assertEquals(allowedByMessage.get(messageId), granted, event.toString());
            assertEquals(
                    granted, event.containsKey("tokenFingerprint"), "a fingerprint for every token, only for tokens");
        }
        assertEquals(allowedByMessage.keySet(), seen.keySet());
        assertTrue(seen.values().stream().allMatch(n -> n == 1));
        assertTrue(
                allowedByMessage.containsValue(true) && allowedByMessage.containsValue(false),
                "the faults hit some requests and spared others");
    }

    @Test
    void livenessIgnoresExpressPlayAndReadinessFollowsTheDatabase() throws Exception {
        fault("HTTP_STATUS", 1.0, f -> f.add("status", 503));
        String health = System.getProperty("tether.health.url");

        HttpResponse<String> live = http.get(URI.create(health + "/live"), null);
        HttpResponse<String> ready = http.get(URI.create(health + "/ready"), null);

        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Http.json(live.body()).getString("status"));
        assertTrue(live.body().contains("threads"), live.body());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("database"), ready.body());
    }

    private void fault(
            String kind, double fraction, java.util.function.UnaryOperator<jakarta.json.JsonObjectBuilder> details) {
        asFaultOperator.inject(
                admin,
                details.apply(Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", kind)
                        .add("fraction", fraction)));
    }
}
