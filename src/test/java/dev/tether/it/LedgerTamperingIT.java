package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.LedgerReport;
import dev.tether.audit.LedgerVerification;
import dev.tether.audit.ledger.ChainVerifier.Kind;
import dev.tether.audit.ledger.Ledger;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on its real database (H2, or PostgreSQL with the append-only trigger lifted
 * for the tampering as a superuser could): each change a database administrator could make by SQL
 * is found by the online verifier, at the event where it was made. Every test appends events of its
 * own, tampers with them, verifies, and puts the trail back, so the ledger the rest of the suite
 * writes stays intact; the first thing each test checks is that it is.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerTamperingIT {

    @Inject
    LedgerProbe probe;

    @Inject
    LedgerVerification verification;

    @Inject
    Ledger ledger;

    private String user;
    private long first;
    private LedgerProbe.Snapshot snapshot;

    @Deployment
    static WebArchive deployment() {
        return TetherDeployment.war().addClasses(LedgerTamperingIT.class, LedgerProbe.class);
    }

    @BeforeEach
    void appendFiveEventsToAnIntactLedger() {
        LedgerReport before = verify();
        assertTrue(before.intact(), "the suite's ledger before tampering: " + before);
        user = "tamper-" + UUID.randomUUID();
        first = probe.append(user);
        for (int i = 1; i < 5; i++) {
            assertEquals(first + i, probe.append(user), "one gapless chain");
        }
        snapshot = probe.snapshot(first);
        LedgerReport appended = verify();
        assertTrue(appended.intact(), "after this test's appends: " + appended);
    }

    @AfterEach
    void putTheTrailBack() {
        probe.restore(snapshot);
        assertTrue(verify().intact(), "restored");
    }

    private LedgerReport verify() {
        return verification.verify(Optional.empty(), Optional.empty());
    }

    private void assertBreak(long seq, Kind kind) {
        LedgerReport report = verify();
        assertTrue(!report.intact(), report.toString());
        assertEquals(kind, report.firstBreak().kind(), report.toString());
        assertEquals(seq, report.firstBreak().seq(), report.toString());
    }

    @Test
    void anUpdatedEventIsFound() {
        probe.tamper("UPDATE audit_event SET user_id = 'mallory' WHERE seq = " + (first + 2));
        assertBreak(first + 2, Kind.CHANGED);
    }

    @Test
    void anEventDeletedInTheMiddleIsFound() {
        probe.tamper("DELETE FROM audit_event WHERE seq = " + (first + 1));
        assertBreak(first + 1, Kind.MISSING);
    }

    @Test
    void theNewestEventsDeletedAfterACheckpointAreFoundEvenWithTheHeadRowMovedBack() {
        assertTrue(ledger.checkpointNow().isPresent(), "a checkpoint of the newest event");
        long last = first + 4;
        // The head row moved back to event first + 2 as well: only the signed checkpoint knows better.
        probe.tamper(
                "DELETE FROM audit_event WHERE seq > " + (first + 2),
                "UPDATE audit_ledger_head SET seq = " + (first + 2)
                        + ", head_hash = (SELECT chain_hash FROM audit_event WHERE seq = " + (first + 2) + ")"
                        + " WHERE id = 1");
        LedgerReport report = verify();
        assertEquals(Kind.TRUNCATED, report.firstBreak().kind(), report.toString());
        assertEquals(first + 3, report.firstBreak().seq());
        assertTrue(
                report.firstBreak().detail().contains("event " + last),
                report.firstBreak().detail());
    }

    @Test
    void theNewestEventsDeletedBeforeAnyCheckpointAreFoundAgainstTheHead() {
        probe.tamper("DELETE FROM audit_event WHERE seq > " + (first + 3));
        assertBreak(first + 4, Kind.TRUNCATED);
    }

    @Test
    void anInsertedEventIsFound() {
        long next = first + 5;
        // A well-formed event with the right hash: the encoding is public, so anyone can compute it.
        probe.tamper("INSERT INTO audit_event (occurred_at, event_type, outcome, user_id, content_id, seq, chain_hash)"
                + " VALUES (CURRENT_TIMESTAMP, 'TIME_BASED_TOKEN', 'GRANTED', 'mallory', 'demo-movie', " + next
                + ", '" + probe.forgedHash(next, "mallory") + "')");
        assertBreak(next, Kind.BEYOND_HEAD);
    }

    @Test
    void twoSwappedEventsAreFound() {
        long a = first + 1;
        long b = first + 3;
        probe.tamper(
                "UPDATE audit_event SET seq = -1 WHERE seq = " + a,
                "UPDATE audit_event SET seq = " + a + " WHERE seq = " + b,
                "UPDATE audit_event SET seq = " + b + " WHERE seq = -1");
        assertBreak(a, Kind.CHANGED);
    }

    @Test
    void aChangeWithEveryHashRecomputedIsFoundByTheSignedCheckpoint() {
        assertTrue(ledger.checkpointNow().isPresent());
        probe.tamper("UPDATE audit_event SET user_id = 'mallory' WHERE seq = " + (first + 1));
        probe.rehashFrom(first + 1);
        LedgerReport report = verify();
        assertEquals(Kind.CHECKPOINT_MISMATCH, report.firstBreak().kind(), report.toString());
        // The first checkpoint after the change: the one just made, or one an append made on its own.
        long firstCheckpointAfter =
                ledger.checkpoints(first + 1, Long.MAX_VALUE, 1).get(0).seq();
        assertTrue(firstCheckpointAfter <= first + 4);
        assertEquals(firstCheckpointAfter, report.firstBreak().seq());
    }

    @Test
    void aRangeIsVerifiedAgainstItsOwnPredecessor() {
        probe.tamper("UPDATE audit_event SET user_id = 'mallory' WHERE seq = " + (first + 4));
        LedgerReport early = verification.verify(Optional.of(first + 1), Optional.of(first + 3));
        assertTrue(early.intact(), early.toString());
        assertNull(early.firstBreak());
        assertEquals(3, early.eventsChecked());
        LedgerReport late = verification.verify(Optional.of(first + 3), Optional.empty());
        assertEquals(Kind.CHANGED, late.firstBreak().kind());
        assertEquals(first + 4, late.firstBreak().seq());
    }
}
