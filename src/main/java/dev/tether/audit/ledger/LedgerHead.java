package dev.tether.audit.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * The newest link of the chain, one row. An append locks it ({@code SELECT … FOR UPDATE}) for the
 * rest of its transaction, so appends from any number of instances take sequence numbers one after
 * the other, without gaps: a transaction that rolls back gives its number back with its event.
 * It also remembers the newest checkpoint, so that an append can tell cheaply whether one is due.
 */
@Entity
@Table(name = "audit_ledger_head")
public class LedgerHead {

    /** The one row's key. */
    public static final int ROW = 1;

    @Id
    private Integer id;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "head_hash", nullable = false)
    private String hash;

    @Column(name = "checkpoint_seq", nullable = false)
    private long checkpointSeq;

    @Column(name = "checkpoint_at")
    private Instant checkpointAt;

    protected LedgerHead() {}

    /** The link an append made: the event's sequence number and hash. */
    public record Link(long seq, String hash) {}

    /** Chains the next event, built for its sequence number by {@code recordAt}. */
    public Link append(LongFunction<LedgerRecord> recordAt) {
        long next = seq + 1;
        LedgerRecord record = recordAt.apply(next);
        if (record.seq() != next) {
            throw new IllegalArgumentException("the event was built for seq " + record.seq() + ", not " + next);
        }
        hash = record.hashAfter(hash);
        seq = next;
        return new Link(seq, hash);
    }

    /**
     * Whether the head deserves a checkpoint: something new since the last one, and either
     * {@code everyEvents} events or {@code every} time since it.
     */
    public boolean checkpointDue(Instant now, long everyEvents, Duration every) {
        if (seq == checkpointSeq) {
            return false;
        }
        return seq - checkpointSeq >= everyEvents || checkpointAt == null || !now.isBefore(checkpointAt.plus(every));
    }

    /** Records that the current head was checkpointed at {@code at}. */
    public void checkpointed(Instant at) {
        checkpointSeq = seq;
        checkpointAt = at;
    }

    public long seq() {
        return seq;
    }

    public String hash() {
        return hash;
    }

    public long checkpointSeq() {
        return checkpointSeq;
    }
}
