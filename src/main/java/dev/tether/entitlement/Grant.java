package dev.tether.entitlement;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.TokenUrl;
import dev.tether.streams.LeaseGrant;
import java.util.Optional;

/**
 * A granted entitlement: the token URL, for a registration the cookie it carries, whether the
 * token is bound to the device (a device-bound request with a DRM that cannot bind may get a
 * time-bound token, by the title's policy), and for a stream (requestType 1 or 3 of a title that
 * is not exempt) its lease.
 */
public record Grant(TokenUrl tokenUrl, Optional<Cookie> cookie, boolean deviceBound, Optional<LeaseGrant> lease) {

    public Grant(TokenUrl tokenUrl, Optional<Cookie> cookie) {
        this(tokenUrl, cookie, false, Optional.empty());
    }

    public Grant(TokenUrl tokenUrl, Optional<Cookie> cookie, boolean deviceBound) {
        this(tokenUrl, cookie, deviceBound, Optional.empty());
    }

    Grant withLease(LeaseGrant value) {
        return new Grant(tokenUrl, cookie, deviceBound, Optional.of(value));
    }
}
