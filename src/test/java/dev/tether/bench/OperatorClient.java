package dev.tether.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the latency benchmark sends as an operator rather than as a player: the simulator's fault
 * injection, Tether's ExpressPlay counters and a user's device limit. Every call must succeed (the
 * benchmark cannot mean anything otherwise), so a failure throws.
 */
final class OperatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String tetherUrl;
    private final String simulatorUrl;
    private final String bearer;

    /**
     * Signs in at the development SSO as an admin (fault injection, device limits) and auditor
     * (stats). Waits up to {@code READY} for the SSO: the build that runs the benchmark rewrites the
     * simulator's loose application, and the running server restarts the simulator for it.
     */
    OperatorClient(String tetherUrl, String simulatorUrl) throws InterruptedException {
        this.tetherUrl = tetherUrl;
        this.simulatorUrl = simulatorUrl;
        long deadline = System.nanoTime() + READY.toNanos();
        HttpResponse<String> answer = null;
        while (answer == null) {
            try {
                answer = send(
                        HttpRequest.newBuilder(URI.create(simulatorUrl + "/simulator/sso/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("user=latency-bench-ops&groups="
                                        + URLEncoder.encode("admin,auditor", StandardCharsets.UTF_8))),
                        200);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        this.bearer = json(answer).getString("access_token");
    }

    /** Delays every call to the simulated ExpressPlay {@code endpoint} (TOKEN, RECORDS, RIGHTS) by {@code millis}. */
    void injectLatency(String endpoint, long millis) {
        String fault = Json.createObjectBuilder()
                .add("endpoint", endpoint)
                .add("kind", "LATENCY")
                .add("latencyMs", millis)
                .add("fraction", 1.0)
                .build()
                .toString();
        send(
                authorized(simulatorUrl + "/simulator/faults")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(fault)),
                201);
    }

    /** Clears every fault and the simulator's high-water marks of concurrent calls. */
    void resetFaults() {
        send(authorized(simulatorUrl + "/simulator/faults").DELETE(), 204);
    }

    /** The simulator's view: {@code calls} and {@code maxConcurrentCalls} per endpoint, and the faults. */
    JsonObject simulatorState() {
        return json(send(authorized(simulatorUrl + "/simulator/faults").GET(), 200));
    }

    /** Tether's own counters per ExpressPlay endpoint: attempts, and how its calls ended. */
    Map<String, Long> tetherStats() {
        JsonObject stats =
                json(send(authorized(tetherUrl + "/api/expressplay/stats").GET(), 200));
        Map<String, Long> flat = new LinkedHashMap<>();
        stats.forEach((endpoint, value) -> {
            JsonObject counters = value.asJsonObject();
            flat.put(endpoint + " attempts", counters.getJsonNumber("attempts").longValue());
            counters.getJsonObject("outcomes")
                    .forEach((outcome, count) -> flat.put(endpoint + " " + outcome, ((JsonNumber) count).longValue()));
        });
        return flat;
    }

    /** Overrides the user's device limit, so that a batch of new devices is not refused by it. */
    void setDeviceLimit(String user, int limit) {
        send(
                authorized(tetherUrl + "/api/admin/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                                + "/device-limit")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"maxActiveDevices\":" + limit + "}")),
                200);
    }

    static long number(JsonObject object, String map, String key) {
        JsonObject inner = object.getJsonObject(map);
        JsonValue value = inner == null ? null : inner.get(key);
        return value instanceof JsonNumber n ? n.longValue() : 0;
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    built.method() + " " + built.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
