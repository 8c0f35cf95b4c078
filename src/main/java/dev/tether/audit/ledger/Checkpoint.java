package dev.tether.audit.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement that the chain's head was {@code (seq, hash)} at {@code madeAt}: whoever holds
 * the public key can tell that no event up to {@code seq} was changed, removed, inserted or
 * reordered since, and that the chain reached at least {@code seq}. Never changed once made.
 */
@Entity
@Table(name = "audit_checkpoint")
public class Checkpoint {

    @Id
    @Column(name = "seq", updatable = false)
    private long seq;

    @Column(name = "head_hash", nullable = false, updatable = false)
    private String hash;

    @Column(name = "made_at", nullable = false, updatable = false)
    private Instant madeAt;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Column(name = "signature", nullable = false, updatable = false)
    private String signature;

    protected Checkpoint() {}

    private Checkpoint(CheckpointView view) {
        this.seq = view.seq();
        this.hash = Objects.requireNonNull(view.hash());
        this.madeAt = Objects.requireNonNull(view.time());
        this.keyId = Objects.requireNonNull(view.keyId());
        this.signature = Objects.requireNonNull(view.signature());
    }

    /** Signs the head {@code (seq, hash)} as of {@code at} with the active key. */
    public static Checkpoint sign(long seq, String hash, Instant at, CheckpointKeys keys) {
        return new Checkpoint(CheckpointView.signed(seq, hash, at, keys));
    }

    public CheckpointView view() {
        return new CheckpointView(seq, hash, madeAt, keyId, signature);
    }
}
