package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One request's traces can be found together: its id (the caller's W3C trace id, or a new one)
 * comes back in {@code X-Request-Id}, in its problem's {@code requestId}, in the detail of the
 * audit event it caused beside the SEES messageID, and in the log line Tether wrote for it.
 */
class RequestIdIT extends FaultInjectingIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void theTraceIdOfTheCallerIsTheRequestIdOfTheAnswerAndOfItsAuditEvent() {
        String traceId = randomTraceId();
        String messageId = Player.newMessageId();
        HttpResponse<String> answer = sees(
                token,
                Player.request(1, "demo-movie")
                        .add("messageID", messageId)
                        .build()
                        .toString(),
                "00-" + traceId + "-00f067aa0ba902b7-01");

        assertTrue(Http.expect(200, answer).getBoolean("isAllowed"), answer.body());
        assertEquals(traceId, requestId(answer));
        JsonObject event = asAuditor.events(auditor, user).getJsonObject(0);
        assertEquals(messageId, event.getString("requestId"), "the SEES messageID");
        assertEquals(traceId, event.getJsonObject("detail").getString("httpRequestId"));
    }

    @Test
    void withoutATraceparentEachRequestGetsANewId() {
        String body = Player.request(1, "demo-movie").build().toString();
        String first = requestId(asPlayer.sees(token, body));
        String second = requestId(asPlayer.sees(token, body));

        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void anInvalidTraceparentIsIgnored() {
        String all0 = "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01";
        HttpResponse<String> answer =
                sees(token, Player.request(1, "demo-movie").build().toString(), all0);

        assertTrue(requestId(answer).matches("[0-9a-f]{32}"));
        assertNotEquals("0".repeat(32), requestId(answer));
    }

    @Test
    void everyProblemNamesTheRequest() {
        HttpResponse<String> forbidden = http.send(http.request("/api/admin/content", token)
                .header("traceparent", TRACEPARENT)
                .GET()
                .build());
        HttpResponse<String> unauthenticated = http.send(http.request("/api/devices", null)
                .header("traceparent", TRACEPARENT)
                .GET()
                .build());
        HttpResponse<String> unknownPath =
                http.send(http.request("/api/no-such-thing", token).GET().build());

        for (HttpResponse<String> problem : List.of(forbidden, unknownPath)) {
            assertProblemNamesItsRequest(problem);
        }
        // Liberty's security layer answers a missing token with an empty 401 before Tether runs;
        // the header is there all the same, and WildFly's 401 is a problem that names it.
        if (!unauthenticated.body().isEmpty()) {
            assertProblemNamesItsRequest(unauthenticated);
        }
        assertEquals(403, forbidden.statusCode());
        assertEquals(TRACE_ID, requestId(forbidden));
        assertEquals(401, unauthenticated.statusCode());
        assertEquals(TRACE_ID, requestId(unauthenticated));
        assertEquals(404, unknownPath.statusCode());
    }

    @Test
    void aSeesRefusalCarriesTheIdInItsHeaderAndInTheLogLineAboutIt() throws InterruptedException {
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "ERROR_CODE")
                        .add("errorCode", -2019)
                        .add("count", 1));
        String traceId = randomTraceId();

        HttpResponse<String> refused = sees(
                token, Player.request(1, "demo-movie").build().toString(), "00-" + traceId + "-00f067aa0ba902b7-01");

        JsonObject answer = Http.expect(200, refused);
        assertEquals(4001, answer.getInt("error"), refused.body());
        assertEquals(traceId, requestId(refused));
        String line = "[requestId=" + traceId + "] ExpressPlay refused";
        eventually(Duration.ofSeconds(10), RequestIdIT::serverLog, log -> log.contains(line));
    }

    private static void assertProblemNamesItsRequest(HttpResponse<String> problem) {
        assertTrue(
                problem.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                problem.statusCode() + " " + problem.body());
        assertEquals(requestId(problem), Http.json(problem.body()).getString("requestId"), problem.body());
    }

    private HttpResponse<String> sees(String bearer, String body, String traceparent) {
        return http.send(HttpRequest.newBuilder(http.uri(Player.SEES))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers()
                .firstValue("X-Request-Id")
                .orElseThrow(() -> new AssertionError("no X-Request-Id on " + response.statusCode()));
    }

    private static String randomTraceId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private static String serverLog() {
        try {
            return Files.readString(Path.of(System.getProperty("tether.server.log")), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
