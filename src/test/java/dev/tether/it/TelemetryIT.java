package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry's metrics as an operator's collector receives them (README, "Metrics and
 * traces"): the test servers export to this JVM's OTLP receiver (port tether.it.otlp-port, set by
 * the build), and every documented {@code tether.*} metric arrives with its attributes after the
 * actions that move it. The traces are {@link TracingIT}'s.
 */
class TelemetryIT extends FaultInjectingIT {

    private static final Duration EXPORTED = Duration.ofSeconds(30);

    private static OtlpReceiver receiver;

    @BeforeAll
    static void receiver() {
        receiver = OtlpReceiver.shared();
    }

    @Test
    void everyTetherMetricArrivesWithItsAttributes() throws InterruptedException {
        String admin = this.admin;
        JsonObject granted = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        assertTrue(granted.getBoolean("isAllowed"), granted.toString());
        String lease = granted.getString("leaseId");
        Http.expect(200, new Streamer(http).heartbeat(token, lease));
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "ERROR_CODE")
                        .add("errorCode", -2019)
                        .add("count", 1));
        JsonObject refused = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        assertEquals(4001, refused.getInt("error"), refused.toString());
        Streamer streamer = new Streamer(http);
        Http.expect(200, streamer.setUserPolicy(admin, user, "{\"maxStreams\":1,\"mode\":\"block-new\"}"));
        JsonObject overLimit = asPlayer.entitlement(token, Player.request(1, "demo-movie"));
        assertEquals(3012, overLimit.getInt("error"), overLimit.toString());
        Http.expect(200, streamer.setUserPolicy(admin, user, "{\"maxStreams\":1,\"mode\":\"stop-oldest\"}"));
        assertTrue(asPlayer.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"));

        atLeast(
                "tether.requests",
                Map.of("area", "sees", "http.request.method", "POST", "http.response.status_code", "200"),
                4);
        atLeast("tether.request.duration", Map.of("area", "sees", "http.response.status_code", "200"), 4);
        atLeast("tether.decisions", Map.of("type", "TIME_BASED_TOKEN", "outcome", "GRANTED", "reason", "none"), 2);
        atLeast(
                "tether.decisions",
                Map.of("type", "TIME_BASED_TOKEN", "outcome", "REFUSED", "reason", "EXPRESSPLAY_REFUSED"),
                1);
        atLeast(
                "tether.decisions",
                Map.of("type", "TIME_BASED_TOKEN", "outcome", "REFUSED", "reason", "STREAM_LIMIT_REACHED"),
                1);
        atLeast("tether.expressplay.calls", Map.of("endpoint", "TOKEN", "outcome", "SUCCEEDED"), 2);
        atLeast("tether.expressplay.calls", Map.of("endpoint", "TOKEN", "outcome", "REFUSED"), 1);
        atLeast("tether.expressplay.attempts", Map.of("endpoint", "TOKEN"), 3);
        atLeast("tether.expressplay.in_flight", Map.of("endpoint", "TOKEN"), 0);
        atLeast("tether.expressplay.circuit.open", Map.of("endpoint", "RECORDS"), 0);
        atLeast("tether.streams.heartbeats", Map.of(), 1);
        atLeast("tether.streams.refusals", Map.of(), 1);
        atLeast("tether.streams.stop_oldest_endings", Map.of(), 1);
        atLeast("tether.streams.running", Map.of(), 1);
        // The test servers push to a syslog collector that is down unless SyslogPushIT runs: a lag.
        atLeast("tether.audit.syslog.lag.events", Map.of(), 1);
        atLeast("tether.audit.syslog.lag.seconds", Map.of(), 0);
    }

    /**
     * MicroProfile Fault Tolerance's own metrics (README, "Metrics and traces") reach the collector
     * on both servers: the token call's invocations per method, and its circuit breaker's state.
     */
    @Test
    void faultToleranceMetricsArriveThroughOpenTelemetry() throws InterruptedException {
        assertTrue(asPlayer.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"));
        String method = "dev.tether.expressplay.ExpressPlayCalls.requestToken";
        atLeast("ft.invocations.total", Map.of("method", method, "result", "valueReturned"), 1);
        // The time spent in each state; present while the circuit exists (WildFly adds state.current).
        atLeast("ft.circuitbreaker.state.total", Map.of("method", method, "state", "closed"), 0);
    }

    /** Some data point of {@code metric} with these attributes (and maybe more) reaches {@code min}. */
    private static void atLeast(String metric, Map<String, String> attributes, double min) throws InterruptedException {
        try {
            eventually(
                    EXPORTED,
                    () -> receiver.points(metric),
                    points -> points.stream()
                            .anyMatch(p ->
                                    p.attributes().entrySet().containsAll(attributes.entrySet()) && p.value() >= min));
        } catch (AssertionError e) {
            throw new AssertionError(
                    metric + " " + attributes + " >= " + min + "; metrics received: " + receiver.names(), e);
        }
    }
}
