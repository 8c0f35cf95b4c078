package dev.tether.content;

import java.util.Locale;
import java.util.Optional;

/**
 * What a title does when a device-bound token (requestType 3) is asked for with a DRM whose
 * tokens ExpressPlay cannot bind to a device (Widevine, -7002).
 */
public enum UnboundPolicy {
    /** Refuse (SEES 4003): the default, since the guarantee the caller asked for cannot be given. */
    REFUSE,
    /**
     * Issue a time-bound token, but only to a device already admitted under Tether's device policy;
     * the answer and the audit event say {@code deviceBound: false}.
     */
    TIME_BOUND;

    public static final String NAMES = "refuse or time-bound";

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<UnboundPolicy> ofWire(String name) {
        for (UnboundPolicy policy : values()) {
            if (policy.wire().equals(name)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
