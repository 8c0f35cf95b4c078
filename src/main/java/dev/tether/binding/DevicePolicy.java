package dev.tether.binding;

import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's device policy: an admin's override of the default device limit, and when the user
 * last removed a device (for the removal cooldown). The row is also the user's lock: every change
 * to the set of active devices locks it first (PESSIMISTIC_WRITE), so concurrent requests, on one
 * server or several, are counted one after the other.
 */
@Entity
@Table(name = "device_policy")
public class DevicePolicy {

    /** The largest override an admin may set; a sanity bound, not a product rule. */
    public static final int MAX_LIMIT = 100;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "max_active_devices")
    private Integer maxActiveDevices;

    @Column(name = "last_removal_at")
    private Instant lastRemovalAt;

    @Version
    private long version;

    protected DevicePolicy() {}

    public DevicePolicy(UserId user) {
        this.userId = Objects.requireNonNull(user).value();
    }

    public UserId user() {
        return new UserId(userId);
    }

    /** The limit that applies: the override, else {@code defaultLimit}. */
    public int limit(int defaultLimit) {
        return maxActiveDevices != null ? maxActiveDevices : defaultLimit;
    }

    public Optional<Integer> override() {
        return Optional.ofNullable(maxActiveDevices);
    }

    /** Sets (or, with empty, clears) the override; devices beyond a lowered limit keep working, new ones wait. */
    public void override(Optional<Integer> limit) {
        limit.ifPresent(value -> {
            if (value < 0 || value > MAX_LIMIT) {
                throw new IllegalArgumentException("a device limit is between 0 and " + MAX_LIMIT);
            }
        });
        this.maxActiveDevices = limit.orElse(null);
    }

    /** Whether one more active device fits: the pure rule behind the limit. */
    public static boolean admitsAnother(long activeDevices, int limit) {
        return activeDevices < limit;
    }

    public Optional<Instant> lastRemovalAt() {
        return Optional.ofNullable(lastRemovalAt);
    }

    /** When the user may remove a device again; empty when they may now (or never did). */
    public Optional<Instant> nextRemovalAt(Duration cooldown, Instant now) {
        if (lastRemovalAt == null) {
            return Optional.empty();
        }
        Instant next = lastRemovalAt.plus(cooldown);
        return next.isAfter(now) ? Optional.of(next) : Optional.empty();
    }

    /**
     * Notes a self-service removal; refused while the cooldown of the previous one runs, with the
     * time the next removal becomes possible.
     */
    public void removed(Duration cooldown, Instant now) {
        Optional<Instant> next = nextRemovalAt(cooldown, now);
        if (next.isPresent()) {
            throw new RefusedException(
                    DeviceRefusal.REMOVAL_COOLDOWN,
                    "You can remove one device every " + describe(cooldown) + "; your next removal is possible at "
                            + next.get() + ".",
                    next.get());
        }
        this.lastRemovalAt = now;
    }

    private static String describe(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0) {
            return duration.toDays() + " days";
        }
        return duration.toString();
    }
}
