package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.OfflineVerification;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail pushed as RFC 5424 syslog to a real TCP listener of the test (the build points
 * the test servers at it): every event and checkpoint after the collector's cursor arrives and proves offline, and a collector
 * outage loses nothing: the events made while it was down arrive once it is back, and meanwhile
 * the lag is reported.
 */
class SyslogPushIT extends TetherIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);

    private final SyslogCollectorFixture collector = new SyslogCollectorFixture();
    private String auditor;
    private String subscriber;

    @BeforeEach
    void signIn() {
        auditor = http.token(newUser("auditor"), "auditor");
        subscriber = tokenFor("subscriber");
    }

    @AfterEach
    void stopCollector() throws Exception {
        collector.stop();
    }

    private void timeBased() {
        assertTrue(asPlayer.entitlement(subscriber, Player.request(1, "demo-movie"))
                .getBoolean("isAllowed"));
    }

    private long head() {
        return Http.expect(200, http.get("/api/audit/ledger/verify?from=1&to=1", auditor))
                .getJsonNumber("head")
                .longValue();
    }

    private JsonObject status() {
        return Http.expect(200, http.get("/api/audit/ledger/syslog", auditor));
    }

    private static boolean present(JsonObject status, String name) {
        return status.containsKey(name) && !status.isNull(name);
    }

    private static long delivered(JsonObject status) {
        return status.getJsonNumber("deliveredSeq").longValue();
    }

    @Test
    void everyEventAndCheckpointReachesTheCollectorInChainOrderAndProvesOffline() throws Exception {
        long before = delivered(status());
        collector.start();
        timeBased();
        HttpResponse<String> checkpoint = http.call("POST", "/api/audit/checkpoints", auditor, null);
        timeBased();
        long head = head();

        eventually(WITHIN, this::status, s -> delivered(s) >= head);

        SyslogCollectorFixture.Received received = collector.received();
        long last = received.events().lastKey();
        assertTrue(last >= head);
        for (long seq = before + 1; seq <= last; seq++) {
            assertTrue(received.events().containsKey(seq), "event " + seq + " arrived");
        }
        if (checkpoint.statusCode() == 201) {
            long signed = Http.json(checkpoint.body()).getJsonNumber("seq").longValue();
            assertTrue(
                    received.checkpoints().stream()
                            .anyMatch(c -> Http.json(c).getJsonNumber("seq").longValue() == signed),
                    "the checkpoint made arrived");
        }
        List<String> signedUpToLast = received.checkpoints().stream()
                .filter(c -> {
                    long seq = Http.json(c).getJsonNumber("seq").longValue();
                    return seq > before && seq <= last;
                })
                .toList();
        List<String> sinceBefore = received.events().entrySet().stream()
                .filter(e -> e.getKey() > before)
                .map(Map.Entry::getValue)
                .toList();
        OfflineVerification.Result proved =
                OfflineVerification.verify(sinceBefore, String.join("\n", signedUpToLast), LedgerIT.DEV_PUBLIC_KEYS);
        assertTrue(proved.intact(), "what the SIEM holds proves itself: " + proved);
        assertEquals(before + 1, proved.firstSeq());
        if (checkpoint.statusCode() == 201) {
            assertTrue(proved.checkpoints() >= 1, proved.toString());
        }
    }

    @Test
    void aCollectorOutageLosesNothingAndShowsAsLagUntilItIsBack() throws Exception {
        timeBased();
        timeBased();
        long head = head();
        JsonObject down = eventually(
                WITHIN,
                this::status,
                s -> present(s, "lastError") && s.getJsonNumber("lagEvents").longValue() > 0);
        assertTrue(down.getBoolean("enabled"));
        assertEquals("tcp://127.0.0.1:" + SyslogCollectorFixture.PORT, down.getString("collector"));
        assertTrue(present(down, "oldestUndeliveredAt"), down.toString());
        assertTrue(down.getJsonNumber("lagSeconds").longValue() >= 0);
        long before = delivered(down);
        assertTrue(before < head, "the events made while the collector is down wait: " + down);

        collector.start();
        JsonObject back = eventually(WITHIN, this::status, s -> delivered(s) >= head);

        SyslogCollectorFixture.Received received = collector.received();
        for (long seq = before + 1; seq <= head; seq++) {
            assertTrue(received.events().containsKey(seq), "event " + seq + " arrived after the outage");
        }
        assertTrue(!present(back, "lastError"), "a delivery clears the last error: " + back);
    }
}
