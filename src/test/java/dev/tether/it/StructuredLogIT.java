package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tether's own fields as fields of the server's JSON log lines (README, "Logs a pipeline can
 * parse"): the test servers write a JSON log beside the text one (Liberty: messages.log itself, in
 * JSON; WildFly: standalone/log/server.json, tether.cli), and a decision's line carries the request
 * id, the user id, the decision and its reason, on Liberty as {@code ext_*} members, on WildFly in
 * the {@code mdc} object. The line is found by the request id the test gave in its traceparent.
 */
class StructuredLogIT extends FaultInjectingIT {

    private static final boolean LIBERTY = !"wildfly".equals(System.getProperty("tether.server", "liberty"));

    @Test
    void aGrantsDecisionLineCarriesTheRequestTheUserAndTheDecisionAsFields() throws InterruptedException {
        String traceId = randomTraceId();

        JsonObject answer = Http.expect(200, sees(Player.request(1, "demo-preview"), traceId));
        assertTrue(answer.getBoolean("isAllowed"), answer.toString());

        JsonObject line = decisionLine(traceId);
        assertEquals(traceId, field(line, "requestId").orElse(null), line.toString());
        assertEquals(user, field(line, "userId").orElse(null), line.toString());
        assertEquals("GRANTED", field(line, "decision").orElse(null), line.toString());
        assertEquals(Optional.empty(), field(line, "reason"), "a grant has no reason: " + line);
        assertFalse(line.toString().contains(token.substring(token.lastIndexOf('.') + 1)), "no token in " + line);
    }

    @Test
    void aRefusalsDecisionLineCarriesItsReason() throws InterruptedException {
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "TOKEN")
                        .add("kind", "ERROR_CODE")
                        .add("errorCode", -2019)
                        .add("count", 1));
        String traceId = randomTraceId();

        JsonObject answer = Http.expect(200, sees(Player.request(1, "demo-movie"), traceId));
        assertEquals(4001, answer.getInt("error"), answer.toString());

        JsonObject line = decisionLine(traceId);
        assertEquals(traceId, field(line, "requestId").orElse(null), line.toString());
        assertEquals(user, field(line, "userId").orElse(null), line.toString());
        assertEquals("REFUSED", field(line, "decision").orElse(null), line.toString());
        String recorded = asAuditor.events(auditor, user).stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> "REFUSED".equals(e.getString("outcome")))
                .map(e -> e.getString("reasonCode"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no refusal in the trail of " + user));
        assertEquals(recorded, field(line, "reason").orElse(null), "the audit event's reason: " + line);
    }

    /** The JSON line of the request's decision, once the server has written it. */
    private static JsonObject decisionLine(String traceId) throws InterruptedException {
        List<JsonObject> found = eventually(
                Duration.ofSeconds(10),
                () -> lines().stream()
                        .filter(l -> l.getString("message", "").contains("Decision ")
                                && field(l, "requestId").filter(traceId::equals).isPresent())
                        .toList(),
                lines -> !lines.isEmpty());
        assertEquals(1, found.size(), "one decision line for the request: " + found);
        assertTrue(found.get(0).getString("message").startsWith("[requestId=" + traceId + "] "), "the prefix stays");
        return found.get(0);
    }

    /** Tether's field {@code name} as the server writes it: ext_name on Liberty, mdc.name on WildFly. */
    private static Optional<String> field(JsonObject line, String name) {
        JsonObject holder = LIBERTY ? line : line.getJsonObject("mdc");
        String key = LIBERTY ? "ext_" + name : name;
        return holder == null || !holder.containsKey(key) ? Optional.empty() : Optional.of(holder.getString(key));
    }

    /** Every line of the JSON log that is a JSON object (Liberty writes its first lines before it reads the format). */
    private static List<JsonObject> lines() {
        Path log = Path.of(System.getProperty("tether.server.json-log"));
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("{"))
                    .map(StructuredLogIT::parse)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<JsonObject> parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return Optional.of(reader.readObject());
        } catch (JsonException partial) {
            // The line the server is writing at this moment: the next look reads it whole.
            return Optional.empty();
        }
    }

    private HttpResponse<String> sees(jakarta.json.JsonObjectBuilder request, String traceId) {
        return http.send(HttpRequest.newBuilder(http.uri(Player.SEES))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(request.build().toString()))
                .build());
    }

    private static String randomTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
