package dev.tether.binding;

import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One admin's request to remove all of a user's devices, waiting for a second admin (the
 * two-person rule): a stolen admin account alone cannot wipe a user's devices. A request that
 * nobody decides in time expires.
 */
@Entity
@Table(name = "device_reset_request")
public class DeviceResetRequest {

    /** Why an admin may not decide a request now. */
    public enum Refusal {
        /** The admin who requested it cannot decide it. */
        SAME_ADMIN,
        /** Its time ran out. */
        EXPIRED,
        /** Another admin decided it already. */
        ALREADY_DECIDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ResetStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "devices_reset")
    private Integer devicesReset;

    @Version
    private long version;

    protected DeviceResetRequest() {
    }

    public DeviceResetRequest(UserId user, UserId admin, String reason, Instant now, Duration validFor) {
        this.userId = Objects.requireNonNull(user).value();
        this.requestedBy = Objects.requireNonNull(admin).value();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reset request needs a reason");
        }
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a reset request must be valid for a positive time");
        }
        this.reason = reason;
        this.requestedAt = Objects.requireNonNull(now);
        this.expiresAt = now.plus(validFor);
        this.status = ResetStatus.PENDING;
    }

    /** Why {@code admin} may not decide this request at {@code now}; empty if they may. */
    public Optional<Refusal> refusalFor(UserId admin, Instant now) {
        if (status != ResetStatus.PENDING) {
            return Optional.of(Refusal.ALREADY_DECIDED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (requestedBy.equals(admin.value())) {
            return Optional.of(Refusal.SAME_ADMIN);
        }
        return Optional.empty();
    }

    public void approve(UserId admin, String comment, int devicesRemoved, Instant now) {
        decide(admin, comment, now, ResetStatus.APPROVED);
        this.devicesReset = devicesRemoved;
    }

    public void reject(UserId admin, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        decide(admin, comment, now, ResetStatus.REJECTED);
    }

    private void decide(UserId admin, String comment, Instant now, ResetStatus outcome) {
        Optional<Refusal> refusal = refusalFor(admin, now);
        if (refusal.isPresent()) {
            throw new IllegalStateException("cannot decide: " + refusal.get());
        }
        this.status = outcome;
        this.decidedBy = admin.value();
        this.decidedAt = now;
        this.decisionReason = comment;
    }

    /** The status as of {@code now}: a pending request past its expiry shows as expired. */
    public ResetStatus status(Instant now) {
        return status == ResetStatus.PENDING && !now.isBefore(expiresAt) ? ResetStatus.EXPIRED : status;
    }

    public boolean isOpen(Instant now) {
        return status(now) == ResetStatus.PENDING;
    }

    public Long id() { return id; }
    public UserId user() { return new UserId(userId); }
    public String requestedBy() { return requestedBy; }
    public String reason() { return reason; }
    public Instant requestedAt() { return requestedAt; }
    public Instant expiresAt() { return expiresAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public Integer devicesReset() { return devicesReset; }
}
