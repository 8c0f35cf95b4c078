package dev.tether.binding;

import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A device bound to a user, with when it was first bound and last used. */
@Entity
@Table(name = "device")
public class Device {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "device_id", nullable = false, updatable = false)
    private String deviceId;

    @Column(name = "first_bound_at", nullable = false, updatable = false)
    private Instant firstBoundAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "last_content_id")
    private String lastContentId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected Device() {
    }

    public Device(UserId user, DeviceId device, Instant now) {
        this.userId = Objects.requireNonNull(user).value();
        this.deviceId = Objects.requireNonNull(device).value();
        this.firstBoundAt = now;
        this.lastSeenAt = now;
    }

    /** Notes that the device asked for {@code content} at {@code now}. */
    public void seen(ContentId content, Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
        lastContentId = content.value();
    }

    public Long id() {
        return id;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public DeviceId deviceId() {
        return new DeviceId(deviceId);
    }

    public UserId user() {
        return new UserId(userId);
    }

    public Instant firstBoundAt() {
        return firstBoundAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
