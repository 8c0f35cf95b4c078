package dev.tether.audit.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Appends to the chain and makes its checkpoints. An append costs one locked read and one UPDATE
 * of the head row in the event's own transaction; the head stays locked until that transaction
 * ends, which is what makes the chain gapless across instances, so a use case records its event
 * after its other writes. A checkpoint is signed in the
 * transaction of the append that makes it due (every N events, or the first event T after the last
 * checkpoint), so it commits or rolls back with that event and never names a head that did not
 * exist; it reaches the checkpoint file only once committed.
 */
@ApplicationScoped
public class Ledger {

    /** The chain hash of an event appended while the ledger was off. */
    public static final String UNCHAINED = "unchained";

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    LedgerSettings settings;

    @Inject
    CheckpointFile file;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Chains the event that {@code recordAt} builds for the next sequence number. The use case's
     * pending writes are flushed first, so that their row locks are taken before the head's: the
     * head is the last lock of every transaction that appends, and no two transactions can wait
     * for each other through it.
     */
    @Transactional(TxType.MANDATORY)
    public LedgerHead.Link append(LongFunction<LedgerRecord> recordAt) {
        if (!settings.enabled()) {
            return unchained();
        }
        em.flush();
        LedgerHead head = em.find(LedgerHead.class, LedgerHead.ROW, LockModeType.PESSIMISTIC_WRITE);
        LedgerHead.Link link = head.append(recordAt);
        Instant now = Instant.now();
        if (head.checkpointDue(now, settings.everyEvents(), settings.every())) {
            checkpoint(head, now);
        }
        return link;
    }

    /**
     * A place outside the chain, for the ledger switched off: a negated sequence value, taken with
     * no lock and no hash, which verification, checkpoints and the syslog push never see.
     */
    private LedgerHead.Link unchained() {
        Number next = (Number) em.createNativeQuery("select nextval('audit_event_unchained_seq')")
                .getSingleResult();
        return new LedgerHead.Link(-next.longValue(), UNCHAINED);
    }

    /** Checkpoints the head now if anything was appended since the last checkpoint (for a quiet trail's newest events). */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<CheckpointView> checkpointNow() {
        LedgerHead head = em.find(LedgerHead.class, LedgerHead.ROW, LockModeType.PESSIMISTIC_WRITE);
        if (head.seq() == head.checkpointSeq()) {
            return Optional.empty();
        }
        return Optional.of(checkpoint(head, Instant.now()));
    }

    /**
     * Checkpoints the head if one is due (every N events, or T after the last checkpoint with
     * anything new), for a trail that has gone quiet: an append takes the checkpoint it makes due,
     * but the newest events of a quiet trail would otherwise wait for the next append. Reads the
     * head without a lock first, so that a node's timer costs one read when nothing is due.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<CheckpointView> checkpointIfDue() {
        Instant now = Instant.now();
        Object[] unlocked = em.createQuery(
                        "select h.seq, h.checkpointSeq, h.checkpointAt from LedgerHead h", Object[].class)
                .getSingleResult();
        long seq = (Long) unlocked[0];
        long checkpointSeq = (Long) unlocked[1];
        Instant checkpointAt = (Instant) unlocked[2];
        boolean maybeDue = seq != checkpointSeq
                && (seq - checkpointSeq >= settings.everyEvents()
                        || checkpointAt == null
                        || !now.isBefore(checkpointAt.plus(settings.every())));
        if (!maybeDue) {
            return Optional.empty();
        }
        LedgerHead head = em.find(LedgerHead.class, LedgerHead.ROW, LockModeType.PESSIMISTIC_WRITE);
        return head.checkpointDue(now, settings.everyEvents(), settings.every())
                ? Optional.of(checkpoint(head, now))
                : Optional.empty();
    }

    private CheckpointView checkpoint(LedgerHead head, Instant now) {
        Checkpoint checkpoint = Checkpoint.sign(head.seq(), head.hash(), now, settings.keys());
        em.persist(checkpoint);
        head.checkpointed(now);
        CheckpointView view = checkpoint.view();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the file gets the checkpoint only once it is committed.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    file.append(view);
                }
            }
        });
        return view;
    }

    /**
     * The head as committed, without a lock. A projection, not the entity: outside a transaction a
     * server may keep one persistence context for a whole request, which would answer an entity
     * read earlier in it from memory.
     */
    public LedgerHead.Link head() {
        Object[] head = em.createQuery("select h.seq, h.hash from LedgerHead h", Object[].class)
                .getSingleResult();
        return new LedgerHead.Link((Long) head[0], (String) head[1]);
    }

    /** Checkpoints with {@code fromSeq <= seq <= toSeq}, oldest first, at most {@code limit}. */
    public List<CheckpointView> checkpoints(long fromSeq, long toSeq, int limit) {
        return em
                .createQuery(
                        "select c from Checkpoint c where c.seq >= :from and c.seq <= :to order by c.seq",
                        Checkpoint.class)
                .setParameter("from", fromSeq)
                .setParameter("to", toSeq)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(Checkpoint::view)
                .toList();
    }

    /** The newest checkpoint, if any was made. */
    public Optional<CheckpointView> latestCheckpoint() {
        return em
                .createQuery("select c from Checkpoint c order by c.seq desc", Checkpoint.class)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(Checkpoint::view);
    }
}
