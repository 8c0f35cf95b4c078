package dev.tether.audit;

import dev.tether.audit.ledger.ChainVerifier;
import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.Ledger;
import dev.tether.audit.ledger.LedgerRecord;
import dev.tether.audit.ledger.LedgerSettings;
import dev.tether.platform.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Checks the stored chain over a range of sequence numbers against the stored checkpoints and the
 * head row, and reports the first break. It reads in chunks of {@link #CHUNK} events, each a short
 * query of its own on the unique index of {@code seq}, without a transaction, so neither memory nor
 * a database transaction grows with the range; it is the trail as it stood at its start.
 */
@ApplicationScoped
public class LedgerVerification {

    static final int CHUNK = 2000;

    @Inject
    LedgerRows rows;

    @Inject
    Ledger ledger;

    @Inject
    LedgerSettings settings;

    /** Verifies [from, to] (both optional: the first event, the head). */
    public LedgerReport verify(Optional<Long> fromSeq, Optional<Long> toSeq) {
        long head = ledger.head().seq();
        long from = fromSeq.orElse(1L);
        long to = Math.min(toSeq.orElse(head), head);
        if (from < 1 || (toSeq.isPresent() && toSeq.get() < from)) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_SEQ_RANGE, "'from' must be at least 1 and 'to' not before 'from'.");
        }
        boolean toHead = to == head;
        // Up to the head, every later checkpoint counts: one beyond the chain shows a truncation.
        List<CheckpointView> checkpoints = ledger.checkpoints(from, toHead ? Long.MAX_VALUE : to, Integer.MAX_VALUE);
        String previous = LedgerRecord.GENESIS;
        if (from > 1) {
            Optional<String> stored = rows.hashOf(from - 1);
            if (stored.isEmpty()) {
                return new LedgerReport(
                        from,
                        to,
                        head,
                        0,
                        0,
                        false,
                        new ChainVerifier.Break(
                                from - 1,
                                ChainVerifier.Kind.MISSING,
                                "event " + (from - 1) + ", the range's predecessor, is missing: deleted"));
            }
            previous = stored.get();
        }
        ChainVerifier verifier = new ChainVerifier(from, previous, checkpoints, settings.keys());
        long next = from;
        walk:
        while (next <= to) {
            List<LedgerRows.Row> chunk = rows.between(next, to, CHUNK);
            for (LedgerRows.Row row : chunk) {
                if (!verifier.accept(row.entry())) {
                    break walk;
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            next = chunk.get(chunk.size() - 1).seq() + 1;
        }
        Optional<ChainVerifier.Break> found = verifier.finish(Optional.of(to));
        if (found.isEmpty() && toHead) {
            Optional<Long> beyond = rows.firstBeyond(head);
            if (beyond.isPresent()) {
                found = verifier.beyondHead(beyond.get(), head);
            }
        }
        return new LedgerReport(
                from, to, head, verifier.checked(), verifier.checkpointsChecked(), found.isEmpty(), found.orElse(null));
    }
}
