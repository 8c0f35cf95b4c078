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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry's traces as an operator's collector receives them (README, "Metrics and
 * traces"): a device-bound SEES request is one trace, from the server span into a client span per
 * ExpressPlay attempt, retries included, on both servers.
 */
class TracingIT extends FaultInjectingIT {

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
