package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.it.OtlpReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry as an operator's collector receives it (README, "Metrics and traces"): the test
 * servers export to this JVM's OTLP receiver (port tether.it.otlp-port, set by the build). A
 * device-bound SEES request is one trace, from the server span into a client span per ExpressPlay
 * attempt, retries included; every documented {@code tether.*} metric arrives with its
 * attributes after the actions that move it.
 */
class TelemetryIT extends FaultInjectingIT {

    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final String FAIRPLAY_TOKEN = "/hms/fp/token";
    private static final String RECORDS = "/cmiapi/getrecord";

    private static OtlpReceiver receiver;

    @BeforeAll
    static void receiver() {
        receiver = OtlpReceiver.shared();
    }

    /**
     * Waits until a request's spans reach the receiver: right after a deployment, WildFly was seen
     * exporting none of the first requests' spans for a while (a deployment's tracer starts with
     * it). Each try is a new request with a trace of its own; the tests then follow their own.
     */
    private void tracing() throws InterruptedException {
        for (int tries = 0; tries < 10; tries++) {
            String probe = randomTraceId();
            Http.expect(200, sees(Player.request(1, "demo-preview"), probe));
            try {
                eventually(Duration.ofSeconds(5), () -> trace(probe), spans -> !spans.isEmpty());
                return;
            } catch (AssertionError notYet) {
                // The next try sends another request.
            }
        }
        throw new AssertionError(
                "no request's spans arrived in 10 tries: " + receiver.spans().size() + " spans in all");
    }

    @Test
    void aDeviceBoundRequestIsOneTraceFromTheServerIntoEachExpressPlayCall() throws InterruptedException {
        tracing();
        String cookie = asPlayer.registerDevice(token, Player.newDevice());
        String traceId = randomTraceId();

        JsonObject answer = Http.expect(200, sees(Player.request(3, "demo-movie", cookie), traceId));
        assertTrue(answer.getBoolean("isAllowed"), answer.toString());

        List<ReceivedSpan> trace = eventually(
                EXPORTED,
                () -> trace(traceId),
                spans -> server(spans) != null
                        && clientSpans(spans, FAIRPLAY_TOKEN).size() >= 1
                        && clientSpans(spans, RECORDS).size() >= 1);
        ReceivedSpan server = server(trace);
        assertTrue(
                server.name().contains("sees") || server.attributes().toString().contains("/sees/"), server.toString());
        for (ReceivedSpan client : trace) {
            if (client.kind() == SpanKind.SPAN_KIND_CLIENT) {
                assertTrue(descendsFrom(client, server, trace), client + " under " + server);
            }
        }
    }

    @Test
    void aRetriedAttemptIsASpanOfItsOwn() throws InterruptedException {
        tracing();
        String cookie = asPlayer.registerDevice(token, Player.newDevice());
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "HTTP_STATUS")
                        .add("status", 503)
                        .add("count", 1));
        String traceId = randomTraceId();

        JsonObject answer = Http.expect(200, sees(Player.request(3, "demo-movie", cookie), traceId));
        assertTrue(answer.getBoolean("isAllowed"), "the retry got the token: " + answer);

        List<ReceivedSpan> attempts =
                eventually(EXPORTED, () -> clientSpans(trace(traceId), FAIRPLAY_TOKEN), spans -> spans.size() >= 2);
        assertEquals(2, attempts.stream().map(ReceivedSpan::spanId).distinct().count(), attempts.toString());
        assertTrue(attempts.stream().anyMatch(s -> s.attributes().containsValue("503")), "the failed attempt");
        assertTrue(attempts.stream().anyMatch(s -> s.attributes().containsValue("200")), "the retry");
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

    /** The trace once {@code done} holds; failing, the message shows every ExpressPlay span received. */
    private static List<ReceivedSpan> traced(String traceId, java.util.function.Predicate<List<ReceivedSpan>> done)
            throws InterruptedException {
        try {
            return eventually(EXPORTED, () -> trace(traceId), done);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "ExpressPlay spans of any trace: "
                            + receiver.spans().stream()
                                    .filter(s -> s.attributes().toString().contains("expressplay"))
                                    .toList(),
                    e);
        }
    }

    private static List<ReceivedSpan> trace(String traceId) {
        return receiver.spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .toList();
    }

    /** Tether's server span: the one whose parent is the caller's (the traceparent's span id). */
    private static ReceivedSpan server(List<ReceivedSpan> spans) {
        return spans.stream()
                .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER
                        && s.parentSpanId().equals(CALLER_SPAN))
                .findFirst()
                .orElse(null);
    }

    private static List<ReceivedSpan> clientSpans(List<ReceivedSpan> spans, String path) {
        return spans.stream()
                .filter(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT
                        && s.attributes().values().stream().anyMatch(v -> v.contains(path)))
                .toList();
    }

    private static boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace) {
        ReceivedSpan at = span;
        for (int depth = 0; at != null && depth < 20; depth++) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = at.parentSpanId();
            at = trace.stream()
                    .filter(s -> s.spanId().equals(parent))
                    .findFirst()
                    .orElse(null);
        }
        return false;
    }

    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    private HttpResponse<String> sees(jakarta.json.JsonObjectBuilder request, String traceId) {
        return http.send(HttpRequest.newBuilder(http.uri(Player.SEES))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(request.build().toString()))
                .build());
    }

    private static String randomTraceId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
