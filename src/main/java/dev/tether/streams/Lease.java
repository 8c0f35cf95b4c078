package dev.tether.streams;

import dev.tether.binding.DeviceId;
import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One licensed stream of a user's: a title, on a device when the token was device-bound. It runs
 * while {@code now < expiresAt}, its last renewal plus the heartbeat interval times the grace, and
 * until it is ended. The interval, grace and limit of the policy it started under stay with it, so
 * that its renewals and its heartbeat answers need no policy lookup.
 */
@Entity
@Table(name = "stream_lease")
public class Lease {

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "content_id", nullable = false)
    private String contentId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "renewed_at", nullable = false)
    private Instant renewedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "heartbeat_seconds", nullable = false)
    private int heartbeatSeconds;

    @Column(nullable = false)
    private int grace;

    @Column(name = "stream_limit", nullable = false)
    private int streamLimit;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    private EndedBy endedBy;

    @Column(name = "ended_actor")
    private String endedActor;

    protected Lease() {}

    public Lease(UserId user, Optional<DeviceId> device, ContentId content, Policy policy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(user).value();
        this.deviceId = device.map(DeviceId::value).orElse(null);
        this.contentId = Objects.requireNonNull(content).value();
        this.startedAt = now;
        this.renewedAt = now;
        this.heartbeatSeconds = Math.toIntExact(policy.heartbeatInterval().toSeconds());
        this.grace = policy.grace();
        this.streamLimit = policy.limit();
        this.expiresAt = expiry(now);
    }

    /** The rule of the whole feature: running while not ended and {@code now < renewed + interval × grace}. */
    public boolean isRunning(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    /** When a renewal at {@code now} makes it expire. */
    public Instant expiry(Instant now) {
        return now.plus(heartbeatInterval().multipliedBy(grace));
    }

    /** Ends a running lease; an ended one keeps its first ending. */
    public void end(EndedBy by, UserId actor, Instant now) {
        if (endedAt != null) {
            return;
        }
        this.endedAt = by == EndedBy.EXPIRED ? expiresAt : now;
        this.endedBy = Objects.requireNonNull(by);
        this.endedActor = actor == null ? null : actor.value();
    }

    /**
     * Why a lease that is not running stopped: its ending, or expiry when it lapsed and no
     * admission has noticed yet.
     */
    public EndedBy stoppedBy() {
        return endedBy != null ? endedBy : EndedBy.EXPIRED;
    }

    /** When it stopped (or will stop, if still running). */
    public Instant stoppedAt() {
        return endedAt != null ? endedAt : expiresAt;
    }

    public String id() {
        return id;
    }

    public UserId user() {
        return new UserId(userId);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user.value());
    }

    public Optional<DeviceId> device() {
        return Optional.ofNullable(deviceId).map(DeviceId::new);
    }

    public ContentId content() {
        return new ContentId(contentId);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant renewedAt() {
        return renewedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Duration heartbeatInterval() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public int grace() {
        return grace;
    }

    public int streamLimit() {
        return streamLimit;
    }

    public boolean isEnded() {
        return endedAt != null;
    }
}
