package dev.tether.binding;

import dev.tether.content.ContentId;
import dev.tether.platform.FreeText;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device bound to a user: when it was first bound and last used, the user's label for it, and
 * whether it was removed (by its user) or revoked (by an admin). Revocation wins over removal: a
 * revoked device stays blocked whatever happens to its registrations.
 */
@Entity
@Table(name = "device")
public class Device {

    /** One printable character ({@link FreeText}): labels and admins' reasons are printable text. */
    public static final String PRINTABLE_CHARACTER = FreeText.CHARACTER;

    public static final int LABEL_MAX_LENGTH = 64;
    /** Labels are short, printable text: the rule behind {@link #rename} and the rename request's validation. */
    public static final String LABEL_PATTERN = PRINTABLE_CHARACTER + "{1," + LABEL_MAX_LENGTH + "}";
    /** {@link #LABEL_PATTERN} in words. */
    public static final String LABEL_RULE = "1 to " + LABEL_MAX_LENGTH + " characters of " + FreeText.RULE;

    private static final Pattern LABEL = Pattern.compile(LABEL_PATTERN);

    /** How precisely last seen is kept while a device plays the same title. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "device_id", nullable = false, updatable = false)
    private String deviceId;

    @Column(name = "first_bound_at", nullable = false)
    private Instant firstBoundAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "last_content_id")
    private String lastContentId;

    @Column(name = "label")
    private String label;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Version
    private long version;

    protected Device() {}

    public Device(UserId user, DeviceId device, Instant now) {
        this.userId = Objects.requireNonNull(user).value();
        this.deviceId = Objects.requireNonNull(device).value();
        this.firstBoundAt = Objects.requireNonNull(now);
        this.lastSeenAt = now;
    }

    /**
     * Whether a play of {@code content} at {@code now} should be written down: last seen is kept to
     * {@link #LAST_SEEN_RESOLUTION}, so that a device playing the same title over and over costs
     * one UPDATE a minute rather than one per token request.
     */
    public boolean needsTouch(ContentId content, Instant now) {
        return !content.value().equals(lastContentId) || !now.isBefore(lastSeenAt.plus(LAST_SEEN_RESOLUTION));
    }

    /** Notes that the device asked for {@code content} at {@code now}. */
    public void seen(ContentId content, Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
        lastContentId = content.value();
    }

    public DeviceStatus status() {
        if (revokedAt != null) {
            return DeviceStatus.REVOKED;
        }
        return removedAt != null ? DeviceStatus.REMOVED : DeviceStatus.ACTIVE;
    }

    /** A new label; a revoked device keeps its own, as its user cannot change a blocked device. */
    public void rename(String newLabel) {
        if (newLabel == null || !LABEL.matcher(newLabel).matches()) {
            throw new IllegalArgumentException("a label is " + LABEL_RULE);
        }
        if (isRevoked()) {
            throw new RefusedException(DeviceRefusal.DEVICE_REVOKED, "A revoked device cannot be renamed.");
        }
        requireStatus(DeviceStatus.ACTIVE, "only an active device can be renamed");
        this.label = newLabel;
    }

    /**
     * Frees the device's slot; its registrations end with it (see {@link Bindings#endAll}). A
     * revoked device cannot be removed: its user would lift the block by registering it again.
     */
    public void remove(Instant now) {
        if (isRevoked()) {
            throw new RefusedException(
                    DeviceRefusal.DEVICE_REVOKED,
                    "This device was blocked by an administrator; it cannot be removed. Contact support.");
        }
        requireStatus(DeviceStatus.ACTIVE, "only an active device can be removed");
        this.removedAt = Objects.requireNonNull(now);
    }

    /** A removed device that registered again: a new device as far as the user's limit and label go. */
    public void reactivate(Instant now) {
        requireStatus(DeviceStatus.REMOVED, "only a removed device comes back");
        this.removedAt = null;
        this.label = null;
        this.firstBoundAt = now;
        this.lastSeenAt = now;
    }

    public void revoke(UserId admin, String reason, Instant now) {
        if (isRevoked()) {
            throw new RefusedException(DeviceRefusal.ALREADY_REVOKED, "Device " + id + " is already revoked.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        this.revokedAt = Objects.requireNonNull(now);
        this.revokedBy = Objects.requireNonNull(admin).value();
        this.revokeReason = reason;
    }

    /**
     * Lifts a revocation; the device is active again unless it had also been removed. A device
     * that becomes active takes a slot again, so it must fit among the user's {@code activeDevices}
     * under {@code limit}.
     */
    public void restore(long activeDevices, int limit) {
        if (!isRevoked()) {
            throw new RefusedException(DeviceRefusal.NOT_REVOKED, "Device " + id + " is not revoked.");
        }
        boolean takesSlot = removedAt == null;
        if (takesSlot && !DevicePolicy.admitsAnother(activeDevices, limit)) {
            throw new RefusedException(
                    DeviceRefusal.DEVICE_LIMIT_REACHED,
                    "The user has " + activeDevices + " active devices of " + limit
                            + "; raise the limit or have a device removed before restoring this one.");
        }
        this.revokedAt = null;
        this.revokedBy = null;
        this.revokeReason = null;
    }

    private void requireStatus(DeviceStatus expected, String message) {
        if (status() != expected) {
            throw new IllegalStateException(message);
        }
    }

    public Long id() {
        return id;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isActive() {
        return status() == DeviceStatus.ACTIVE;
    }

    public DeviceId deviceId() {
        return new DeviceId(deviceId);
    }

    public UserId user() {
        return new UserId(userId);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user.value());
    }

    public Instant firstBoundAt() {
        return firstBoundAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Optional<String> lastContentId() {
        return Optional.ofNullable(lastContentId);
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Instant removedAt() {
        return removedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public String revokeReason() {
        return revokeReason;
    }
}
