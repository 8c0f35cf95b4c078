package dev.tether.identity;

import dev.tether.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates a back-channel logout token as OpenID Connect Back-Channel Logout 1.0 section 2.6
 * says: an RS256/384/512 JWS signed by one of the IdP's keys, from the issuer and for the audience
 * Tether trusts for bearer tokens, issued within {@code tether.logout.max-token-age} (allowing the
 * bearer tokens' clock skew), with the back-channel logout event, a {@code sid} and/or a
 * {@code sub}, a {@code jti}, and no {@code nonce} (so an ID token cannot pass for one).
 */
@ApplicationScoped
public class LogoutTokens {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final Map<String, String> ALGORITHMS =
            Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    /** Longer than any JWS Tether would accept from an IdP; refused before decoding. */
    static final int MAX_TOKEN_LENGTH = 16_384;

    @Inject
    IdentityProviderKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "tether.logout.max-token-age", defaultValue = "PT2M")
    Duration maxAge;

    public LogoutToken validate(String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            throw refused(LogoutRefusal.MISSING_LOGOUT_TOKEN, "The form parameter logout_token is required.");
        }
        String[] parts = raw.length() > MAX_TOKEN_LENGTH ? new String[0] : raw.split("\\.", -1);
        if (parts.length != 3) {
            throw refused(LogoutRefusal.MALFORMED_LOGOUT_TOKEN, "logout_token is not a signed JWT.");
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        verifySignature(header, parts);
        String tokenIssuer = text(claims, "iss").orElse("");
        if (issuer.isEmpty() || !issuer.get().equals(tokenIssuer)) {
            throw refused(LogoutRefusal.WRONG_ISSUER, "logout_token is not from the trusted issuer.");
        }
        if (!forUs(claims.get("aud"))) {
            throw refused(LogoutRefusal.WRONG_AUDIENCE, "logout_token is not addressed to this service.");
        }
        Instant issuedAt = instant(claims, "iat")
                .orElseThrow(() -> refused(LogoutRefusal.STALE_OR_FUTURE_IAT, "logout_token has no iat."));
        Duration skew = Duration.ofSeconds(clockSkewSeconds);
        if (issuedAt.isAfter(now.plus(skew))
                || issuedAt.isBefore(now.minus(maxAge).minus(skew))) {
            throw refused(LogoutRefusal.STALE_OR_FUTURE_IAT, "logout_token was not issued just now.");
        }
        Optional<Instant> expiry = instant(claims, "exp");
        if (expiry.isPresent() && expiry.get().plus(skew).isBefore(now)) {
            throw refused(LogoutRefusal.EXPIRED, "logout_token has expired.");
        }
        JsonValue events = claims.get("events");
        if (events == null
                || events.getValueType() != JsonValue.ValueType.OBJECT
                || !(events.asJsonObject().get(LOGOUT_EVENT) instanceof JsonObject)) {
            throw refused(LogoutRefusal.NO_LOGOUT_EVENT, "logout_token carries no back-channel logout event.");
        }
        if (claims.containsKey("nonce")) {
            throw refused(LogoutRefusal.NONCE_PRESENT, "logout_token must not carry a nonce.");
        }
        Optional<String> sid = text(claims, "sid");
        Optional<String> sub = text(claims, "sub");
        if (sid.isEmpty() && sub.isEmpty()) {
            throw refused(
                    LogoutRefusal.NO_SID_OR_SUB, "logout_token names neither a session (sid) nor a subject (sub).");
        }
        String jti = text(claims, "jti")
                .filter(j -> j.length() <= 255)
                .orElseThrow(() -> refused(LogoutRefusal.NO_JTI, "logout_token has no jti."));
        return new LogoutToken(tokenIssuer, jti, sid, sub, issuedAt);
    }

    private void verifySignature(JsonObject header, String[] parts) {
        String algorithm = ALGORITHMS.get(text(header, "alg").orElse(""));
        if (algorithm == null) {
            throw refused(LogoutRefusal.BAD_SIGNATURE, "logout_token is not signed with RS256, RS384 or RS512.");
        }
        PublicKey key = keys.key(text(header, "kid"))
                .orElseThrow(() -> refused(LogoutRefusal.BAD_SIGNATURE, "logout_token is signed by an unknown key."));
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw refused(LogoutRefusal.BAD_SIGNATURE, "logout_token's signature does not verify.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused(LogoutRefusal.BAD_SIGNATURE, "logout_token's signature does not verify.");
        }
    }

    private boolean forUs(JsonValue aud) {
        List<String> trusted = audiences.orElse(List.of());
        if (aud instanceof JsonString one) {
            return trusted.contains(one.getString());
        }
        if (aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY) {
            return aud.asJsonArray().stream()
                    .anyMatch(v -> v instanceof JsonString s && trusted.contains(s.getString()));
        }
        return false;
    }

    private static JsonObject json(String part) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            return Jsonp.provider().createReader(new StringReader(text)).readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw refused(LogoutRefusal.MALFORMED_LOGOUT_TOKEN, "logout_token is not a JWT.");
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber n
                ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
    }

    private static LogoutRefusedException refused(LogoutRefusal reason, String detail) {
        return new LogoutRefusedException(reason, detail);
    }
}
