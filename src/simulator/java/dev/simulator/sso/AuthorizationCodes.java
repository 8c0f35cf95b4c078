package dev.simulator.sso;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization codes the development SSO's login form has handed out: each names who signed
 * in, for which client, redirect URI and PKCE challenge, and can be redeemed once within a minute
 * (RFC 6749 section 4.1.2 recommends at most ten).
 */
@ApplicationScoped
public class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** What a code stands for. */
    record Grant(
            String user,
            List<String> groups,
            String clientId,
            String redirectUri,
            String codeChallenge,
            String nonce,
            String sid,
            Instant expiresAt) {}

    String issue(Grant grant) {
        Instant now = Instant.now();
        codes.values().removeIf(g -> g.expiresAt().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, grant);
        return code;
    }

    /** The grant of {@code code}, removed: a second redemption finds nothing. */
    Optional<Grant> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.remove(code)).filter(g -> g.expiresAt().isAfter(Instant.now()));
    }
}
