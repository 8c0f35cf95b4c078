package dev.tether.security;

import dev.tether.platform.FreeText;
import java.util.Objects;

/**
 * A user as the SSO names it: the subject of the bearer token. One rule for every user id Tether
 * takes (the token's subject, an admin's path): 1 to {@link #MAX_LENGTH} characters, not blank,
 * {@link FreeText printable}; a token whose subject breaks it identifies nobody and is refused
 * like a missing token.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    /** The rule in words. */
    public static final String RULE =
            "A user id is 1 to " + MAX_LENGTH + " characters of " + FreeText.RULE + ", not only spaces";

    public UserId {
        Objects.requireNonNull(value, "user id");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH && FreeText.isPrintable(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
