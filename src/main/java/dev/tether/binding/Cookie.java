package dev.tether.binding;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The correlation value of one device registration. ExpressPlay carries it in the registration
 * token and logs it with the device id on redemption. Minted cookies hold 144 random bits in 24
 * URL-safe characters; a client may bring its own if it has the same shape and enough length.
 */
public record Cookie(String value) {

    /** ExpressPlay's limit for a cookie. */
    public static final int MAX_LENGTH = 32;
    /** Shortest client-chosen cookie accepted: 16 URL-safe characters carry up to 96 bits. */
    public static final int MIN_LENGTH = 16;

    /** The shape in words, for the answers that refuse a cookie. */
    public static final String RULE = MIN_LENGTH + " to " + MAX_LENGTH + " letters, digits, '-' or '_'";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Cookie {
        Objects.requireNonNull(value, "cookie");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a cookie is " + RULE);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public static Cookie mint() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return new Cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
