package dev.tether.expressplay;

import java.util.Objects;

/**
 * A license token URL as ExpressPlay returned it. It is a bearer credential for a license, so
 * {@link #toString()} hides it: it goes to the client and nowhere else (the audit trail keeps a
 * fingerprint).
 */
public record TokenUrl(String value) {

    public TokenUrl {
        Objects.requireNonNull(value, "token URL");
    }

    @Override
    public String toString() {
        return "TokenUrl[redacted]";
    }
}
