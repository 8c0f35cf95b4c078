package dev.tether.security;

import java.util.Objects;

/** A user as the SSO names it: the subject of the bearer token. */
public record UserId(String value) {

    public static final int MAX_LENGTH = 255;

    public UserId {
        Objects.requireNonNull(value, "user id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a user id is 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH;
    }

    @Override
    public String toString() {
        return value;
    }
}
