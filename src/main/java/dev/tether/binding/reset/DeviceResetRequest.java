package dev.tether.binding.reset;

import dev.tether.platform.RefusedException;
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
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * One admin's request to remove all of a user's devices, waiting for a second admin (the
 * two-person rule): a stolen admin account alone cannot wipe a user's devices. A request that
 * nobody decides in time expires.
 */
@Entity
@Table(name = "device_reset_request")
public class DeviceResetRequest {

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

    protected DeviceResetRequest() {}

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

    /**
     * Approves the request if {@code admin} may decide it now, and only then runs {@code reset},
     * which removes the user's devices and says how many.
     */
    public void approve(UserId admin, String comment, Instant now, IntSupplier reset) {
        requireDecidableBy(admin, now);
        this.devicesReset = reset.getAsInt();
        decided(admin, comment, now, ResetStatus.APPROVED);
    }

    public void reject(UserId admin, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        requireDecidableBy(admin, now);
        decided(admin, comment, now, ResetStatus.REJECTED);
    }

    /** The two-person rule and the request's life: a request is decided once, in time, by another admin. */
    private void requireDecidableBy(UserId admin, Instant now) {
        if (status != ResetStatus.PENDING) {
            throw new RefusedException(
                    ResetRefusal.ALREADY_DECIDED,
                    "Reset request " + id + " was already " + status(now).name().toLowerCase(Locale.ROOT) + ".");
        }
        if (!now.isBefore(expiresAt)) {
            throw new RefusedException(
                    ResetRefusal.EXPIRED, "Reset request " + id + " expired at " + expiresAt + "; request a new one.");
        }
        if (requestedBy.equals(admin.value())) {
            throw new RefusedException(
                    ResetRefusal.SAME_ADMIN, "The admin who requested a reset cannot decide it; another admin must.");
        }
    }

    private void decided(UserId admin, String comment, Instant now, ResetStatus outcome) {
        this.status = outcome;
        this.decidedBy = admin.value();
        this.decidedAt = now;
        this.decisionReason = comment;
    }

    /** The status as of {@code now}: a pending request past its expiry shows as expired. */
    public ResetStatus status(Instant now) {
        return status == ResetStatus.PENDING && !now.isBefore(expiresAt) ? ResetStatus.EXPIRED : status;
    }

    public Long id() {
        return id;
    }

    public UserId user() {
        return new UserId(userId);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public Integer devicesReset() {
        return devicesReset;
    }
}
