package dev.tether.expressplay;

import java.util.Objects;
import java.util.Optional;

/**
 * A license token URL as ExpressPlay returned it. It is a bearer credential for a license, so
 * {@link #toString()} hides it: it goes to the client and nowhere else (the audit trail keeps a
 * fingerprint). A PlayReady token comes as a license acquisition URL and a token, which the player
 * needs apart; {@code value} is then the two joined as {@code <url>?ExpressPlayToken=<token>}.
 */
public record TokenUrl(String value, Optional<PlayReadyLicense> playReady) {

    public TokenUrl {
        Objects.requireNonNull(value, "token URL");
        Objects.requireNonNull(playReady, "PlayReady parts");
    }

    public TokenUrl(String value) {
        this(value, Optional.empty());
    }

    /** What ExpressPlay's PlayReady token API answers: where to send the challenge, and the token. */
    public record PlayReadyLicense(String licenseAcquisitionUrl, String token) {

        @Override
        public String toString() {
            return "PlayReadyLicense[redacted]";
        }
    }

    @Override
    public String toString() {
        return "TokenUrl[redacted]";
    }
}
