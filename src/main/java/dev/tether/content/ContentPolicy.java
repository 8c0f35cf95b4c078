package dev.tether.content;

import dev.tether.platform.IdSyntax;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a title allows: how long a token can be redeemed (the token window), how long a license
 * plays once redeemed (the rental duration, zero for no limit), the SSO group a user needs (none:
 * any subscriber) and whether it is licensed to registered devices only. Both durations are capped
 * by ExpressPlay's {@link #EXPRESSPLAY_MAX}.
 */
public record ContentPolicy(
        Duration tokenLifetime,
        Duration rentalDuration,
        Optional<String> requiredGroup,
        boolean deviceBindingRequired) {

    /** ExpressPlay refuses token windows and rental durations longer than this many days. */
    public static final int EXPRESSPLAY_MAX_DAYS = 30;
    /** {@link #EXPRESSPLAY_MAX} in seconds, for the catalog request's validation. */
    public static final long EXPRESSPLAY_MAX_SECONDS = EXPRESSPLAY_MAX_DAYS * 24L * 3600;

    public static final Duration EXPRESSPLAY_MAX = Duration.ofSeconds(EXPRESSPLAY_MAX_SECONDS);

    /** The shape of a required SSO group. */
    public static final int GROUP_MAX_LENGTH = 64;

    public static final String GROUP_PATTERN = IdSyntax.CHARACTERS + "{1," + GROUP_MAX_LENGTH + "}";
    private static final Pattern GROUP = Pattern.compile(GROUP_PATTERN);

    public ContentPolicy {
        Objects.requireNonNull(tokenLifetime, "token lifetime");
        Objects.requireNonNull(rentalDuration, "rental duration");
        Objects.requireNonNull(requiredGroup, "required group");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(EXPRESSPLAY_MAX) > 0) {
            throw new IllegalArgumentException(
                    "token lifetime must be between 1 second and " + EXPRESSPLAY_MAX_DAYS + " days");
        }
        if (rentalDuration.isNegative() || rentalDuration.compareTo(EXPRESSPLAY_MAX) > 0) {
            throw new IllegalArgumentException(
                    "rental duration must be between 0 (no limit) and " + EXPRESSPLAY_MAX_DAYS + " days");
        }
        if (requiredGroup.isPresent() && !GROUP.matcher(requiredGroup.get()).matches()) {
            throw new IllegalArgumentException("a group is 1 to " + GROUP_MAX_LENGTH + " " + IdSyntax.CHARACTERS_TEXT);
        }
    }

    public static ContentPolicy open(Duration tokenLifetime, Duration rentalDuration) {
        return new ContentPolicy(tokenLifetime, rentalDuration, Optional.empty(), false);
    }

    /** Whether a user with {@code groups} may have a token. */
    public boolean admits(Set<String> groups) {
        return requiredGroup.map(groups::contains).orElse(true);
    }
}
