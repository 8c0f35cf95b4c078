package dev.tether.content;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a title allows: how long a token can be redeemed (the token window), how long a license
 * plays once redeemed (the rental duration, zero for no limit), the SSO group a user needs (none:
 * any subscriber) and whether it is licensed to registered devices only. Both durations are capped
 * by ExpressPlay's 30 days.
 */
public record ContentPolicy(Duration tokenLifetime, Duration rentalDuration, Optional<String> requiredGroup,
                            boolean deviceBindingRequired) {

    /** ExpressPlay refuses token windows and rental durations longer than 30 days. */
    public static final Duration EXPRESSPLAY_MAX = Duration.ofDays(30);
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public ContentPolicy {
        Objects.requireNonNull(tokenLifetime, "token lifetime");
        Objects.requireNonNull(rentalDuration, "rental duration");
        Objects.requireNonNull(requiredGroup, "required group");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(EXPRESSPLAY_MAX) > 0) {
            throw new IllegalArgumentException("token lifetime must be between 1 second and 30 days");
        }
        if (rentalDuration.isNegative() || rentalDuration.compareTo(EXPRESSPLAY_MAX) > 0) {
            throw new IllegalArgumentException("rental duration must be between 0 (no limit) and 30 days");
        }
        if (requiredGroup.isPresent() && !GROUP.matcher(requiredGroup.get()).matches()) {
            throw new IllegalArgumentException("a group is 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
    }

    public static ContentPolicy open(Duration tokenLifetime, Duration rentalDuration) {
        return new ContentPolicy(tokenLifetime, rentalDuration, Optional.empty(), false);
    }

    /** Whether a user with {@code groups} may have a token. */
    public boolean admits(java.util.Set<String> groups) {
        return requiredGroup.map(groups::contains).orElse(true);
    }
}
