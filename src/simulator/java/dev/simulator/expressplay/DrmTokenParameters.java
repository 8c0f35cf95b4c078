package dev.simulator.expressplay;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks that ExpressPlay's Widevine and PlayReady token APIs share with FairPlay's
 * (DOMAIN.md: the same authenticator, cookie, expirationTime and error rules), and their key: a
 * {@code kid} of 16 bytes in hex or {@code ^string}, and a {@code contentKey} of 32 hex digits.
 * Which of -4018…-4024 answers a bad kid is not paired in the pages we read: -4018 (assumed).
 */
final class DrmTokenParameters {

    static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    static final Pattern KID = Pattern.compile("[0-9a-fA-F]{32}|\\^[\\x21-\\x7e]{1,64}");
    static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private DrmTokenParameters() {}

    /** What the shared checks found: a refusal, or the expiry of an accepted request. */
    record Checked(Optional<Response> refusal, Instant expiry) {}

    static Checked check(MultivaluedMap<String, String> p, SimulatorAccounts accounts, String drm, int disabledCode) {
        boolean json = "json".equals(p.getFirst("errorFormat"));
        String authenticator = p.getFirst("customerAuthenticator");
        Optional<Integer> account = accounts.check(authenticator);
        if (account.isPresent()) {
            return refused(account.get(), ErrorCodes.message(account.get()), json);
        }
        if (!accounts.serves(authenticator, drm)) {
            return refused(disabledCode, ErrorCodes.message(disabledCode), json);
        }
        String kid = p.getFirst("kid");
        if (kid == null || !KID.matcher(kid).matches()) {
            return refused(ErrorCodes.KEY_ID_INVALID, "kid must be 32 hex digits or ^ and up to 64 characters", json);
        }
        String key = p.getFirst("contentKey");
        if (key == null || key.isEmpty()) {
            return refused(ErrorCodes.BAD_CONTENT_KEY, "contentKey missing", json);
        }
        if (!HEX32.matcher(key).matches()) {
            return refused(ErrorCodes.CONTENT_KEY_NOT_HEX, "contentKey must be 32 hex digits", json);
        }
        Instant now = Instant.now();
        Optional<Instant> expiry = ExpirationTime.parse(p.getFirst("expirationTime"), now);
        if (expiry.isEmpty()) {
            return refused(
                    ErrorCodes.BAD_EXPIRATION,
                    "expirationTime must be RFC 3339 UTC or +seconds, in the future and at most 30 days ahead",
                    json);
        }
        String cookie = p.getFirst("cookie");
        if (cookie != null && (cookie.isEmpty() || cookie.length() > SimulatedTokenApi.MAX_COOKIE_LENGTH)) {
            return refused(ErrorCodes.INVALID_COOKIE, "cookie must be 1 to 32 characters", json);
        }
        return new Checked(Optional.empty(), expiry.get());
    }

    static Checked refused(int code, String message, boolean json) {
        return new Checked(Optional.of(SimulatorErrors.refuse(code, message, json)), null);
    }

    /** An integer parameter within [min, max], or empty when absent or not one. */
    static Optional<Integer> integer(String text, int min, int max) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value < min || value > max ? Optional.empty() : Optional.of((int) value);
    }
}
