package dev.tether.entitlement;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.TokenUrl;
import dev.tether.streams.LeaseGrant;
import java.util.Optional;

/**
 * A granted entitlement: the token URL, for a registration the cookie it carries, and for a
 * stream (requestType 1 or 3 of a title that is not exempt) its lease.
 */
public record Grant(TokenUrl tokenUrl, Optional<Cookie> cookie, Optional<LeaseGrant> lease) {

    public Grant(TokenUrl tokenUrl, Optional<Cookie> cookie) {
        this(tokenUrl, cookie, Optional.empty());
    }

    Grant withLease(LeaseGrant value) {
        return new Grant(tokenUrl, cookie, Optional.of(value));
    }
}
