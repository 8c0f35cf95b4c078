package dev.tether.entitlement;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.TokenUrl;
import java.util.Optional;

/**
 * A granted entitlement: the token URL, for a registration the cookie it carries, and whether the
 * token is bound to the device (a device-bound request with a DRM that cannot bind may get a
 * time-bound token, by the title's policy).
 */
public record Grant(TokenUrl tokenUrl, Optional<Cookie> cookie, boolean deviceBound) {

    public Grant(TokenUrl tokenUrl, Optional<Cookie> cookie) {
        this(tokenUrl, cookie, false);
    }
}
