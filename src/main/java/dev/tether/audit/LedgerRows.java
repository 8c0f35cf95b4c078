package dev.tether.audit;

import dev.tether.audit.ledger.ChainVerifier;
import dev.tether.audit.ledger.LedgerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The trail in chain order, a chunk at a time, for the verifier and the JSON-lines stream. Each
 * chunk is one query on the unique index of {@code seq}, read as values rather than entities, so
 * that nothing accumulates in a persistence context, however long the walk, and nothing read
 * earlier in a request is answered from memory.
 */
@ApplicationScoped
public class LedgerRows {

    /** One event as the ledger sees it, with its database id. */
    public record Row(long id, ChainVerifier.Entry entry) {

        public long seq() {
            return entry.record().seq();
        }
    }

    private static final String ROWS = "select e.id, e.seq, e.chainHash, e.occurredAt, e.type, e.outcome, e.reasonCode,"
            + " e.userId, e.deviceId, e.contentId, e.cookie, e.tokenFingerprint, e.tokenExpiresAt, e.requestId,"
            + " e.clientAddress, e.actorId, e.detail from AuditEvent e where e.seq >= :from and e.seq <= :to"
            + " order by e.seq";

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** Events with {@code from <= seq <= to}, in order, at most {@code limit}. */
    public List<Row> between(long from, long to, int limit) {
        return em
                .createQuery(ROWS, Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(LedgerRows::row)
                .toList();
    }

    /** The stored hash of event {@code seq}, if it exists. */
    public Optional<String> hashOf(long seq) {
        return em.createQuery("select e.chainHash from AuditEvent e where e.seq = :seq", String.class)
                .setParameter("seq", seq)
                .getResultStream()
                .findFirst();
    }

    /** The lowest sequence number above {@code head}, if an event has one. */
    public Optional<Long> firstBeyond(long head) {
        return Optional.ofNullable(em.createQuery("select min(e.seq) from AuditEvent e where e.seq > :head", Long.class)
                .setParameter("head", head)
                .getSingleResult());
    }

    private static Row row(Object[] r) {
        LedgerRecord record = new LedgerRecord(
                (Long) r[1],
                (Instant) r[3],
                ((AuditType) r[4]).name(),
                ((AuditOutcome) r[5]).name(),
                (String) r[6],
                (String) r[7],
                (String) r[8],
                (String) r[9],
                (String) r[10],
                (String) r[11],
                (Instant) r[12],
                (String) r[13],
                (String) r[14],
                (String) r[15],
                (String) r[16]);
        return new Row((Long) r[0], new ChainVerifier.Entry(record, (String) r[2]));
    }
}
