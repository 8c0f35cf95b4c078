package dev.tether.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerHeadTest {

    private static LedgerHead genesis() throws ReflectiveOperationException {
        // As migration V5 inserts it: seq 0, the genesis hash, no checkpoint yet.
        Constructor<LedgerHead> constructor = LedgerHead.class.getDeclaredConstructor();
        LedgerHead head = constructor.newInstance();
        var hash = LedgerHead.class.getDeclaredField("hash");
        hash.setAccessible(true);
        hash.set(head, LedgerRecord.GENESIS);
        return head;
    }

    @Test
    void appendsNumberEventsOneAfterTheOtherAndChainTheirHashes() throws ReflectiveOperationException {
        LedgerHead head = genesis();
        LedgerHead.Link first = head.append(seq -> Chains.record(seq, "a"));
        LedgerHead.Link second = head.append(seq -> Chains.record(seq, "b"));
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals(Chains.record(2, "b").hashAfter(first.hash()), second.hash());
        assertThrows(IllegalArgumentException.class, () -> head.append(seq -> Chains.record(seq + 1, "c")));
    }

    @Test
    void aCheckpointIsDueAfterNEventsOrTAfterTheLastAndNeverForNothingNew() throws ReflectiveOperationException {
        LedgerHead head = genesis();
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        assertFalse(head.checkpointDue(t0, 3, Duration.ofMinutes(1)), "nothing appended");
        head.append(seq -> Chains.record(seq, "a"));
        assertTrue(head.checkpointDue(t0, 3, Duration.ofMinutes(1)), "the first checkpoint is due at once");
        head.checkpointed(t0);
        assertFalse(head.checkpointDue(t0.plusSeconds(120), 3, Duration.ofMinutes(1)), "nothing new");
        head.append(seq -> Chains.record(seq, "b"));
        head.append(seq -> Chains.record(seq, "c"));
        assertFalse(head.checkpointDue(t0.plusSeconds(30), 3, Duration.ofMinutes(1)));
        assertTrue(head.checkpointDue(t0.plusSeconds(60), 3, Duration.ofMinutes(1)), "T passed");
        head.append(seq -> Chains.record(seq, "d"));
        assertTrue(head.checkpointDue(t0.plusSeconds(1), 3, Duration.ofMinutes(1)), "N events");
    }
}
