package dev.simulator.expressplay;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ExpressPlay's {@code expirationTime}: RFC 3339 in UTC ({@code 2026-04-14T12:01:10Z}) or
 * {@code +N} seconds from now; absent means the maximum, 30 days. Anything past 30 days, in the
 * past, or of another shape is refused.
 */
public final class ExpirationTime {

    public static final Duration MAXIMUM = Duration.ofDays(30);

    private static final Pattern RELATIVE = Pattern.compile("\\+[0-9]{1,9}");
    private static final Pattern ABSOLUTE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

    private ExpirationTime() {}

    /** The expiry instant, or empty if {@code value} is not an acceptable expiration time at {@code now}. */
    public static Optional<Instant> parse(String value, Instant now) {
        Instant expiry;
        if (value == null || value.isEmpty()) {
            expiry = now.plus(MAXIMUM);
        } else if (RELATIVE.matcher(value).matches()) {
            expiry = now.plusSeconds(Long.parseLong(value.substring(1)));
        } else if (ABSOLUTE.matcher(value).matches()) {
            try {
                expiry = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        // A second of slack: the requester computed "now" a moment before the simulator did.
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAXIMUM).plusSeconds(1))) {
            return Optional.empty();
        }
        return Optional.of(expiry);
    }
}
