package dev.tether.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The rate limits of this instance, one set of buckets per scope: SEES and the self-service API
 * per signed-in user, and any request of either without a user per client address. Limits are per
 * instance (N instances let a user through N times the limit), far above what a player needs, so
 * that they stop a runaway client or a scripted abuse without a shared store.
 */
@ApplicationScoped
public class RateLimits {

    static final String ENABLED = "tether.rate-limit.enabled";
    static final String SEES_PER_MINUTE = "tether.rate-limit.sees-per-minute";
    static final String SELF_SERVICE_PER_MINUTE = "tether.rate-limit.self-service-per-minute";
    static final String ANONYMOUS_PER_MINUTE = "tether.rate-limit.anonymous-per-minute";

    /** The scopes a request is counted in; each has its own limit and buckets. */
    enum Scope {
        SEES(SEES_PER_MINUTE, 600),
        SELF_SERVICE(SELF_SERVICE_PER_MINUTE, 300),
        ANONYMOUS(ANONYMOUS_PER_MINUTE, 600);

        private final String key;
        private final int defaultPerMinute;

        Scope(String key, int defaultPerMinute) {
            this.key = key;
            this.defaultPerMinute = defaultPerMinute;
        }
    }

    /** At most this many keys per scope are remembered; idle ones go first. */
    private static final int MAX_KEYS = 100_000;

    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final boolean enabled;
    private final Map<Scope, TokenBuckets> buckets = new EnumMap<>(Scope.class);

    public RateLimits() {
        var config = ConfigProvider.getConfig();
        this.enabled = config.getOptionalValue(ENABLED, Boolean.class).orElse(true);
        for (Scope scope : Scope.values()) {
            int perMinute = config.getOptionalValue(scope.key, Integer.class).orElse(scope.defaultPerMinute);
            if (perMinute < 1) {
                throw new IllegalStateException(scope.key + " must be at least 1, was " + perMinute);
            }
            buckets.put(scope, new TokenBuckets(perMinute, WINDOW_NANOS, MAX_KEYS, System::nanoTime));
        }
    }

    boolean enabled() {
        return enabled;
    }

    int perMinute(Scope scope) {
        return buckets.get(scope).perMinute();
    }

    Optional<TokenBuckets.Refusal> take(Scope scope, String key) {
        return enabled ? buckets.get(scope).take(key) : Optional.empty();
    }
}
