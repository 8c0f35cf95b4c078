package dev.tether.audit.syslog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far the collector has confirmed the trail, and which node may send the next batch. A node
 * claims the cursor for a lease before it reads a batch and advances it after the collector
 * confirmed the batch; a claim that ran out (a node that died or hung) passes to the next node
 * that asks, which sends the same batch again: at least once, never lost.
 */
@Entity
@Table(name = "audit_syslog_cursor")
public class SyslogCursor {

    /** The one row's key. */
    static final int ROW = 1;

    /** The longest error text kept: the column's size. */
    private static final int MAX_ERROR = 255;

    @Id
    private Integer id;

    @Column(name = "delivered_seq", nullable = false)
    private long deliveredSeq;

    @Column(name = "delivered_checkpoint_seq", nullable = false)
    private long deliveredCheckpointSeq;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    protected SyslogCursor() {}

    /** What a claim hands the node that holds it: where the next batch starts. */
    public record Claim(long deliveredSeq, long deliveredCheckpointSeq) {}

    /** Claims the cursor for {@code node} until {@code now + lease}, unless another node's claim still runs. */
    Optional<Claim> claim(String node, Instant now, Duration lease) {
        if (claimedBy != null && !claimedBy.equals(node) && claimedUntil != null && claimedUntil.isAfter(now)) {
            return Optional.empty();
        }
        claimedBy = node;
        claimedUntil = now.plus(lease);
        return Optional.of(new Claim(deliveredSeq, deliveredCheckpointSeq));
    }

    /**
     * Advances the cursor over a batch the collector confirmed, if {@code node} still holds the
     * claim; a node whose claim passed to another leaves the cursor to it (the batch went twice).
     */
    boolean delivered(String node, long seq, long checkpointSeq, Instant now) {
        if (!node.equals(claimedBy)) {
            return false;
        }
        deliveredSeq = Math.max(deliveredSeq, seq);
        deliveredCheckpointSeq = Math.max(deliveredCheckpointSeq, checkpointSeq);
        deliveredAt = now;
        lastError = null;
        lastErrorAt = null;
        return true;
    }

    /** Records why a batch did not go, and frees the claim so that any node may try again. */
    void failed(String node, String error, Instant now) {
        if (node.equals(claimedBy)) {
            claimedBy = null;
            claimedUntil = null;
        }
        lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        lastErrorAt = now;
    }

    /** Frees the claim after a batch, so that the next batch may go from any node. */
    void release(String node) {
        if (node.equals(claimedBy)) {
            claimedBy = null;
            claimedUntil = null;
        }
    }

    long deliveredSeq() {
        return deliveredSeq;
    }

    long deliveredCheckpointSeq() {
        return deliveredCheckpointSeq;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }
}
