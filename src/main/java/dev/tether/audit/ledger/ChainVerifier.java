package dev.tether.audit.ledger;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks a stretch of the chain in sequence order and stops at the first break: an event whose hash
 * is not SHA-256 of its predecessor's hash and its encoding (changed, inserted, or reordered), a
 * sequence number skipped (deleted) or repeated, a checkpoint whose signature fails or whose head
 * hash the chain does not reach (the chain was rewritten after it was signed), and, at the end, a
 * checkpoint beyond the chain's last event (the newest events were removed). The same code checks
 * the database online and an export offline.
 */
public final class ChainVerifier {

    /** What kind of break, for a program to act on; the detail says it for a person. */
    public enum Kind {
        /** An event does not match its hash: it was changed, or put where another was. */
        CHANGED,
        /** Sequence numbers are missing: events were deleted. */
        MISSING,
        /** A sequence number comes again or out of order: events were inserted, duplicated or reordered. */
        OUT_OF_ORDER,
        /** A checkpoint's signature does not verify with the public key of its key id. */
        BAD_SIGNATURE,
        /** A signed checkpoint's head hash differs from the chain's: the chain up to it was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A signed checkpoint, or the head, lies beyond the chain's last event: the newest events were removed. */
        TRUNCATED,
        /** An event lies beyond the head: it was inserted. */
        BEYOND_HEAD
    }

    /** The first break: where, what kind, and in words. */
    public record Break(long seq, Kind kind, String detail) {}

    /** One event as stored or exported: its fields and the hash it claims. */
    public record Entry(LedgerRecord record, String hash) {}

    private final CheckpointKeys keys;
    private final TreeMap<Long, CheckpointView> checkpoints = new TreeMap<>();
    private long expected;
    private String previous;
    private long lastSeq;
    private long checked;
    private int checkpointsChecked;
    private Break firstBreak;

    /**
     * Verifies from {@code firstSeq}, whose predecessor's hash is {@code previousHash}
     * ({@link LedgerRecord#GENESIS} before the first event; null to take the first entry's hash as
     * given, for an export that does not begin at the first event), against {@code checkpoints}.
     */
    public ChainVerifier(long firstSeq, String previousHash, List<CheckpointView> checkpoints, CheckpointKeys keys) {
        this.keys = keys;
        this.expected = firstSeq;
        this.previous = previousHash;
        this.lastSeq = firstSeq - 1;
        checkpoints.stream().filter(c -> c.seq() >= firstSeq).forEach(c -> this.checkpoints.put(c.seq(), c));
    }

    /** Checks the next entry; false once the chain is broken (later entries are not looked at). */
    public boolean accept(Entry entry) {
        if (firstBreak != null) {
            return false;
        }
        long seq = entry.record().seq();
        if (seq < expected) {
            return broken(
                    seq,
                    Kind.OUT_OF_ORDER,
                    "event " + seq + " comes after event " + (expected - 1)
                            + ": an event was inserted, duplicated or moved");
        }
        if (seq > expected) {
            return broken(
                    expected,
                    Kind.MISSING,
                    (seq == expected + 1
                                    ? "event " + expected + " is"
                                    : "events " + expected + " to " + (seq - 1) + " are")
                            + " missing: deleted");
        }
        String hash = previous == null ? entry.hash() : entry.record().hashAfter(previous);
        if (!hash.equalsIgnoreCase(entry.hash() == null ? "" : entry.hash())) {
            return broken(
                    seq,
                    Kind.CHANGED,
                    "event " + seq + " does not match its hash: it was changed, or put in the place of another");
        }
        CheckpointView checkpoint = checkpoints.remove(seq);
        if (checkpoint != null && !checkpoint(checkpoint, hash)) {
            return false;
        }
        previous = hash;
        lastSeq = seq;
        expected = seq + 1;
        checked++;
        return true;
    }

    private boolean checkpoint(CheckpointView checkpoint, String hash) {
        checkpointsChecked++;
        if (!checkpoint.verifiedBy(keys)) {
            return broken(checkpoint.seq(), Kind.BAD_SIGNATURE, signatureFailure(checkpoint));
        }
        if (!checkpoint.hash().equalsIgnoreCase(hash)) {
            return broken(
                    checkpoint.seq(),
                    Kind.CHECKPOINT_MISMATCH,
                    "the checkpoint signed at " + checkpoint.time() + " says event " + checkpoint.seq()
                            + " hashes to " + checkpoint.hash() + ", the chain to " + hash
                            + ": the events up to it were rewritten");
        }
        return true;
    }

    /**
     * Ends the walk. {@code expectedLast}: the last event the stretch must reach (the head's, or the
     * range's end), if known; every checkpoint still unseen lies beyond the last event and proves
     * that the newest events were removed.
     */
    public Optional<Break> finish(Optional<Long> expectedLast) {
        if (firstBreak != null) {
            return Optional.of(firstBreak);
        }
        if (expectedLast.isPresent() && lastSeq < expectedLast.get()) {
            long last = expectedLast.get();
            broken(
                    lastSeq + 1,
                    Kind.TRUNCATED,
                    "the chain ends at event " + lastSeq + ", the head is at " + last + ": events " + (lastSeq + 1)
                            + " to " + last + " were removed");
            return Optional.of(firstBreak);
        }
        Iterator<CheckpointView> beyond = checkpoints.values().iterator();
        while (beyond.hasNext()) {
            CheckpointView checkpoint = beyond.next();
            checkpointsChecked++;
            if (!checkpoint.verifiedBy(keys)) {
                broken(checkpoint.seq(), Kind.BAD_SIGNATURE, signatureFailure(checkpoint));
            } else {
                broken(
                        lastSeq + 1,
                        Kind.TRUNCATED,
                        "the checkpoint signed at " + checkpoint.time() + " covers event " + checkpoint.seq()
                                + ", the chain ends at event " + lastSeq + ": the newest events were removed");
            }
            return Optional.of(firstBreak);
        }
        return Optional.empty();
    }

    /** Records that an event lies beyond the head (found by the caller, which knows the head). */
    public Optional<Break> beyondHead(long seq, long head) {
        if (firstBreak == null) {
            broken(seq, Kind.BEYOND_HEAD, "event " + seq + " lies beyond the head, " + head + ": it was inserted");
        }
        return Optional.of(firstBreak);
    }

    /** The last event that verified. */
    public long lastSeq() {
        return lastSeq;
    }

    public long checked() {
        return checked;
    }

    public int checkpointsChecked() {
        return checkpointsChecked;
    }

    private static String signatureFailure(CheckpointView checkpoint) {
        return "the checkpoint at event " + checkpoint.seq() + " does not verify with the public key "
                + checkpoint.keyId() + " (unknown id, or not its signature)";
    }

    private boolean broken(long seq, Kind kind, String detail) {
        firstBreak = new Break(seq, kind, detail);
        return false;
    }
}
