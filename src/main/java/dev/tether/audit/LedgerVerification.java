package dev.tether.audit;

import dev.tether.audit.ledger.ChainVerifier;
import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.Ledger;
import dev.tether.audit.ledger.LedgerHead;
import dev.tether.audit.ledger.LedgerRecord;
import dev.tether.audit.ledger.LedgerSettings;
import dev.tether.platform.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    LedgerSettings settings;

    /** Verifies [from, to] (both optional: the first event, the head). */
    public LedgerReport verify(Optional<Long> fromSeq, Optional<Long> toSeq) {
        LedgerHead head = ledger.head();
        long from = fromSeq.orElse(1L);
        long to = Math.min(toSeq.orElse(head.seq()), head.seq());
        if (from < 1 || (toSeq.isPresent() && toSeq.get() < from)) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_SEQ_RANGE, "'from' must be at least 1 and 'to' not before 'from'.");
        }
        boolean toHead = to == head.seq();
        // Up to the head, every later checkpoint counts: one beyond the chain shows a truncation.
        List<CheckpointView> checkpoints = ledger.checkpoints(from, toHead ? Long.MAX_VALUE : to, Integer.MAX_VALUE);
        ChainVerifier verifier;
        if (from == 1) {
            verifier = new ChainVerifier(1, LedgerRecord.GENESIS, checkpoints, settings.keys());
        } else {
            List<String> previous = em.createQuery(
                            "select e.chainHash from AuditEvent e where e.seq = :seq", String.class)
                    .setParameter("seq", from - 1)
                    .getResultList();
            if (previous.isEmpty()) {
                return report(
                        from,
                        to,
                        head,
                        new ChainVerifier(from - 1, null, List.of(), settings.keys()),
                        Optional.of(new ChainVerifier.Break(
                                from - 1,
                                ChainVerifier.Kind.MISSING,
                                "event " + (from - 1) + ", the range's predecessor, is missing: deleted")));
            }
            verifier = new ChainVerifier(from, previous.get(0), checkpoints, settings.keys());
        }
        long next = from;
        boolean going = true;
        while (going && next <= to) {
            List<AuditEvent> chunk = em.createQuery(
                            "select e from AuditEvent e where e.seq >= :from and e.seq <= :to order by e.seq",
                            AuditEvent.class)
                    .setParameter("from", next)
                    .setParameter("to", to)
                    .setMaxResults(CHUNK)
                    .getResultList();
            for (AuditEvent event : chunk) {
                if (!verifier.accept(new ChainVerifier.Entry(event.ledgerRecord(event.seq()), event.chainHash()))) {
                    going = false;
                    break;
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            next = chunk.get(chunk.size() - 1).seq() + 1;
        }
        Optional<ChainVerifier.Break> found = verifier.finish(Optional.of(to));
        if (found.isEmpty() && toHead) {
            Long beyond = em.createQuery("select min(e.seq) from AuditEvent e where e.seq > :head", Long.class)
                    .setParameter("head", head.seq())
                    .getSingleResult();
            if (beyond != null) {
                found = verifier.beyondHead(beyond, head.seq());
            }
        }
        return report(from, to, head, verifier, found);
    }

    private static LedgerReport report(
            long from, long to, LedgerHead head, ChainVerifier verifier, Optional<ChainVerifier.Break> found) {
        return new LedgerReport(
                from,
                to,
                head.seq(),
                verifier.checked(),
                verifier.checkpointsChecked(),
                found.isEmpty(),
                found.orElse(null));
    }
}
