package dev.tether.streams;

import java.time.Duration;
import java.util.Objects;

/**
 * The stream policy that applies to one user: how many streams may run at once, what a stream over
 * that does, how often a player renews its lease and how many renewals it may miss before the lease
 * expires; {@code source} says where it came from ({@code default}, {@code user} or {@code group:<name>}).
 */
public record Policy(int limit, StreamMode mode, Duration heartbeatInterval, int grace, String source) {

    public static final String DEFAULT_SOURCE = "default";
    public static final String USER_SOURCE = "user";

    public Policy {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(heartbeatInterval);
        Objects.requireNonNull(source);
        if (limit < 0 || limit > StreamSettings.MAX_LIMIT) {
            throw new IllegalArgumentException("a stream limit is between 0 and " + StreamSettings.MAX_LIMIT);
        }
        if (grace < 1 || grace > StreamSettings.MAX_GRACE) {
            throw new IllegalArgumentException("a grace is between 1 and " + StreamSettings.MAX_GRACE + " heartbeats");
        }
        if (heartbeatInterval.compareTo(StreamSettings.MIN_INTERVAL) < 0
                || heartbeatInterval.compareTo(StreamSettings.MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("a heartbeat interval is between 1 s and 1 h");
        }
    }

    public static Policy of(int limit, StreamMode mode, Duration heartbeatInterval, int grace, String source) {
        return new Policy(limit, mode, heartbeatInterval, grace, source);
    }

    /** How long a lease runs after its last renewal: the interval times the grace. */
    public Duration leaseLifetime() {
        return heartbeatInterval.multipliedBy(grace);
    }

    /**
     * Whether a new stream may start beside {@code running} others without ending any. A limit of 0
     * admits none, whatever the mode: there is nothing stopping the oldest could make room for.
     */
    public boolean admitsAnother(long running) {
        return running < limit;
    }

    /** How many of the oldest running streams stop-oldest ends so that one more fits; 0 under block-new. */
    public int toStop(long running) {
        if (mode != StreamMode.STOP_OLDEST || limit == 0 || admitsAnother(running)) {
            return 0;
        }
        return (int) (running - limit + 1);
    }

    /** The more generous of two policies: the higher limit; on a tie, {@code this} (the more specific). */
    public Policy orMoreGenerous(Policy other) {
        return other.limit > limit ? other : this;
    }
}
