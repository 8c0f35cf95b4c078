package dev.tether.identity;

import java.time.Instant;
import java.util.Optional;

/** The claims of a validated back-channel logout token that say what ended. */
public record LogoutToken(
        String issuer, String jti, Optional<String> sessionId, Optional<String> subject, Instant issuedAt) {}
