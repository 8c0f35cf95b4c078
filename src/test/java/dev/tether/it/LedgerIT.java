package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.CheckpointKeys;
import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.LedgerJson;
import dev.tether.audit.ledger.OfflineVerification;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger over HTTP, as an auditor and a SIEM collector use it: signed checkpoints that verify
 * with the development public key and not with another, the online verifier, the JSON-lines stream
 * resumed from a cursor without loss or duplicate and proved by the offline verifier, and every
 * read of the trail on record with its auditor and filters.
 */
class LedgerIT extends TetherIT {

    /** The development public key: the counterpart of the development servers' signing key. */
    static final String DEV_PUBLIC_KEYS = "dev-1:MCowBQYDK2VwAyEAi7Rug0LZCU+DCFaYFqp2hu0h/ZJlwJuGzd0YtXY+Rn8=";

    private String auditorName;
    private String auditor;
    private String subscriber;

    @BeforeEach
    void signIn() {
        auditorName = newUser("auditor");
        auditor = http.token(auditorName, "auditor");
        subscriber = tokenFor("subscriber");
    }

    private void timeBased() {
        JsonObject answer = asPlayer.entitlement(subscriber, Player.request(1, "demo-movie"));
        assertTrue(answer.getBoolean("isAllowed"), answer.toString());
    }

    private JsonObject verify(String query) {
        return Http.expect(200, http.get("/api/audit/ledger/verify?" + query, auditor));
    }

    private List<String> stream(long after) {
        HttpResponse<String> response = http.get("/api/audit/ledger/events?after=" + after, auditor);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        return response.body().isEmpty()
                ? List.of()
                : Arrays.asList(response.body().split("\n"));
    }

    /**
     * A manual checkpoint of a fresh event. The event's own append may take the periodic checkpoint
     * (every N events or the first event T after the last one), and then the head is signed already
     * and the manual one rightly answers 204; so drain first, and try again in that rare case.
     */
    private HttpResponse<String> checkpointAfterAnEvent() {
        for (int attempt = 0; attempt < 3; attempt++) {
            int drained =
                    http.call("POST", "/api/audit/checkpoints", auditor, null).statusCode();
            assertTrue(drained == 201 || drained == 204, "drained: " + drained);
            timeBased();
            HttpResponse<String> made = http.call("POST", "/api/audit/checkpoints", auditor, null);
            if (made.statusCode() == 201) {
                return made;
            }
            assertEquals(204, made.statusCode(), made.body());
            long head = verify("").getJsonNumber("head").longValue();
            List<CheckpointView> all =
                    LedgerJson.checkpoints(Http.expectStatus(200, http.get("/api/audit/checkpoints", auditor))
                            .body());
            assertEquals(head, all.get(all.size() - 1).seq(), "a 204 means the head is checkpointed already");
        }
        throw new AssertionError("no manual checkpoint in three tries");
    }

    @Test
    void checkpointsAreSignedAndVerifyWithThePublicKeyAndNotWithAnother() {
        HttpResponse<String> made = checkpointAfterAnEvent();
        assertEquals(
                204, http.call("POST", "/api/audit/checkpoints", auditor, null).statusCode(), "nothing new since");

        HttpResponse<String> served = http.get("/api/audit/checkpoints", auditor);
        List<CheckpointView> checkpoints =
                LedgerJson.checkpoints(Http.expectStatus(200, served).body());
        CheckpointView newest = checkpoints.get(checkpoints.size() - 1);
        assertEquals(Http.json(made.body()).getJsonNumber("seq").longValue(), newest.seq());
        assertEquals("dev-1", newest.keyId());
        CheckpointKeys keys = CheckpointKeys.verifying(DEV_PUBLIC_KEYS);
        assertTrue(checkpoints.stream().allMatch(c -> c.verifiedBy(keys)), "every checkpoint verifies");
        String other = "dev-1:MCowBQYDK2VwAyEAuomRg5kqor9pkjrsls3UPWmy+SB2I0TUjrHpWvHlEdI=";
        assertFalse(newest.verifiedBy(CheckpointKeys.verifying(other)), "another key does not verify it");
    }

    @Test
    void theWholeLedgerVerifiesAndTheVerificationIsAudited() {
        timeBased();
        JsonObject report = verify("");
        assertTrue(report.getBoolean("intact"), report.toString());
        assertEquals(1, report.getJsonNumber("from").longValue());
        assertEquals(
                report.getJsonNumber("head").longValue(),
                report.getJsonNumber("to").longValue());
        assertEquals(
                report.getJsonNumber("to").longValue(),
                report.getJsonNumber("eventsChecked").longValue());

        JsonObject range = verify("from=2&to=3");
        assertEquals(2, range.getJsonNumber("eventsChecked").longValue());

        JsonObject recorded = newestOfType("LEDGER_VERIFIED");
        assertEquals(auditorName, recorded.getString("actorId"));
        assertEquals(2, recorded.getJsonObject("detail").getJsonNumber("from").longValue());
        assertEquals(3, recorded.getJsonObject("detail").getJsonNumber("to").longValue());
        assertTrue(recorded.getJsonObject("detail").getBoolean("intact"));

        assertEquals(
                "https://tether.dev/problems/bad-seq-range",
                Http.json(http.get("/api/audit/ledger/verify?from=5&to=4", auditor)
                                .body())
                        .getString("type"));
    }

    @Test
    void theStreamResumesFromItsCursorWithoutLossOrDuplicateAndProvesOffline() {
        timeBased();
        long head = verify("").getJsonNumber("head").longValue();
        long cursor = Math.max(0, head - 5);
        List<String> first = stream(cursor);
        assertFalse(first.isEmpty());
        long last = LedgerJson.entry(first.get(first.size() - 1)).record().seq();
        timeBased();
        timeBased();
        List<String> second = stream(last);
        assertEquals(last + 1, LedgerJson.entry(second.get(0)).record().seq(), "resumes after the cursor");

        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(cursor + 1 + i, LedgerJson.entry(all.get(i)).record().seq(), "no loss, no duplicate");
        }
        String checkpoints = Http.expectStatus(200, http.get("/api/audit/checkpoints", auditor))
                .body();
        OfflineVerification.Result proved = OfflineVerification.verify(all, checkpoints, DEV_PUBLIC_KEYS);
        assertTrue(proved.intact(), proved.toString());

        List<String> edited = new ArrayList<>(all);
        edited.set(1, edited.get(1).replace("\"outcome\":\"GRANTED\"", "\"outcome\":\"REFUSED\""));
        if (!edited.get(1).equals(all.get(1))) {
            assertFalse(OfflineVerification.verify(edited, checkpoints, DEV_PUBLIC_KEYS)
                    .intact());
        }
        JsonObject recorded = newestOfType("TRAIL_EXPORTED");
        assertEquals(auditorName, recorded.getString("actorId"));
        assertEquals("json-lines", recorded.getJsonObject("detail").getString("format"));
    }

    @Test
    void searchesExportsAndReportsAreAuditEventsWithTheirAuditorAndFilters() {
        String watched = newUser("watched");
        Http.expectStatus(200, asAuditor.search(auditor, "user=" + watched + "&outcome=refused"));
        JsonObject searched = newestOfType("TRAIL_SEARCHED", e -> watched.equals(detail(e, "user")));
        assertEquals(auditorName, searched.getString("actorId"));
        assertEquals("REFUSED", detail(searched, "outcome"));
        assertFalse(searched.containsKey("userId") && !searched.isNull("userId"), "about no subscriber");

        assertEquals(200, asAuditor.export(auditor, "user=" + watched).statusCode());
        assertEquals("csv", detail(newestOfType("TRAIL_EXPORTED", e -> watched.equals(detail(e, "user"))), "format"));

        Http.expectStatus(200, asAuditor.userDevices(auditor, watched));
        assertEquals(
                "user-devices",
                detail(newestOfType("TRAIL_REPORT_READ", e -> watched.equals(detail(e, "user"))), "report"));

        Http.expectStatus(200, asAuditor.summary(auditor, ""));
        assertEquals(
                auditorName,
                newestOfType("TRAIL_REPORT_READ", e -> "summary".equals(detail(e, "report")))
                        .getString("actorId"));
    }

    @Test
    void onlyAuditorsReachTheLedger() {
        for (String path : List.of("/api/audit/checkpoints", "/api/audit/ledger/verify", "/api/audit/ledger/events")) {
            assertEquals(403, http.get(path, subscriber).statusCode(), path);
            assertEquals(401, http.get(path, null).statusCode(), path);
        }
        assertEquals(
                403,
                http.call("POST", "/api/audit/checkpoints", tokenFor("admin"), null)
                        .statusCode());
    }

    private static String detail(JsonObject event, String name) {
        JsonValue detail = event.get("detail");
        if (detail == null || detail.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        return detail.asJsonObject().getString(name, null);
    }

    private JsonObject newestOfType(String type) {
        return newestOfType(type, e -> auditorName.equals(e.getString("actorId", null)));
    }

    private JsonObject newestOfType(String type, java.util.function.Predicate<JsonObject> which) {
        return Http.expectArray(asAuditor.search(auditor, "type=" + type + "&limit=50")).stream()
                .map(JsonValue::asJsonObject)
                .filter(which)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event of this test"));
    }
}
