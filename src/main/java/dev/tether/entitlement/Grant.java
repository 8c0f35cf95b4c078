package dev.tether.entitlement;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.TokenUrl;
import java.util.Optional;

/** A granted entitlement: the token URL and, for a registration, the cookie it carries. */
public record Grant(TokenUrl tokenUrl, Optional<Cookie> cookie) {}
