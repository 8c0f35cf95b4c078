package dev.tether.expressplay;

import dev.tether.binding.DeviceId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What ExpressPlay's transaction history shows of the redemptions of one cookie's registration
 * token: the devices that redeemed it, as far as the history lets them be seen (record retrieval
 * by cookie answers the most recent 32 events only), and how many records about the cookie could
 * not be read.
 *
 * <p>The cookie belongs to a device only if every visible redemption names that same device.
 * Which redemption came first cannot be known from the window: the first may have scrolled out
 * of it. So when the visible redemptions disagree, Tether refuses instead of guessing.
 *
 * @param devices the distinct devices seen redeeming the cookie's token, in the order seen
 * @param unreadable the records about the cookie from which no device id could be read
 * @param format how the answer was written ({@link TransactionRecords.Format}), for the operator
 */
public record CookieRedemptions(Set<DeviceId> devices, int unreadable, String format) {

    /** The format of redemptions that were not read from an answer (fakes, a known binding). */
    public static final String NOT_READ = "not read from an answer";

    public CookieRedemptions {
        devices = Collections.unmodifiableSet(new LinkedHashSet<>(devices));
        Objects.requireNonNull(format, "format");
        if (unreadable < 0) {
            throw new IllegalArgumentException("unreadable records cannot be fewer than none");
        }
    }

    /** No redemption visible: the device has not redeemed its registration token yet, or not visibly yet. */
    public static CookieRedemptions none() {
        return new CookieRedemptions(Set.of(), 0, NOT_READ);
    }

    /** Redemptions by these devices, all readable. */
    public static CookieRedemptions by(DeviceId... devices) {
        return new CookieRedemptions(new LinkedHashSet<>(Arrays.asList(devices)), 0, NOT_READ);
    }

    /** The device that owns the cookie: the one device every visible redemption names. */
    public Optional<DeviceId> owner() {
        return devices.size() == 1 ? Optional.of(devices.iterator().next()) : Optional.empty();
    }

    /** Whether the visible redemptions name more than one device, so that no owner can be told. */
    public boolean isDisputed() {
        return devices.size() > 1;
    }
}
