package dev.tether.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks of OpenID Connect Back-Channel Logout 1.0 section 2.6, one refusal each. */
class LogoutTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ISSUER = "https://idp.example.com/realms/tether";

    private RSAKey idpKey;
    private LogoutTokens tokens;

    @BeforeEach
    void wire() throws Exception {
        idpKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        PublicKey published = idpKey.toRSAPublicKey();
        tokens = new LogoutTokens();
        tokens.keys = new IdentityProviderKeys() {
            @Override
            public synchronized Optional<PublicKey> key(Optional<String> kid) {
                return kid.equals(Optional.of("idp-1")) ? Optional.of(published) : Optional.empty();
            }
        };
        tokens.issuer = Optional.of(ISSUER);
        tokens.audiences = Optional.of(List.of("tether"));
        tokens.clockSkewSeconds = 30;
        tokens.maxAge = Duration.ofMinutes(2);
    }

    @Test
    void aValidTokenNamesItsSessionAndSubject() throws Exception {
        LogoutToken token = tokens.validate(sign(claims -> {}), NOW);

        assertEquals(Optional.of("session-1"), token.sessionId());
        assertEquals(Optional.of("alice"), token.subject());
        assertEquals("jti-1", token.jti());
        assertEquals(ISSUER, token.issuer());
    }

    @Test
    void eachBrokenRuleIsItsOwnRefusal() throws Exception {
        assertRefused(LogoutRefusal.NONCE_PRESENT, sign(c -> c.claim("nonce", "n")));
        assertRefused(LogoutRefusal.WRONG_AUDIENCE, sign(c -> c.audience("someone-else")));
        assertRefused(LogoutRefusal.WRONG_ISSUER, sign(c -> c.issuer("https://evil.example.com")));
        assertRefused(
                LogoutRefusal.NO_LOGOUT_EVENT,
                sign(c -> c.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of()))));
        assertRefused(LogoutRefusal.NO_LOGOUT_EVENT, sign(c -> c.claim("events", null)));
        assertRefused(LogoutRefusal.STALE_OR_FUTURE_IAT, sign(c -> c.issueTime(Date.from(NOW.minusSeconds(600)))));
        assertRefused(LogoutRefusal.STALE_OR_FUTURE_IAT, sign(c -> c.issueTime(Date.from(NOW.plusSeconds(600)))));
        assertRefused(LogoutRefusal.EXPIRED, sign(c -> c.expirationTime(Date.from(NOW.minusSeconds(120)))));
        assertRefused(LogoutRefusal.NO_SID_OR_SUB, sign(c -> c.subject(null).claim("sid", null)));
        assertRefused(LogoutRefusal.NO_JTI, sign(c -> c.jwtID(null)));
        assertRefused(LogoutRefusal.MISSING_LOGOUT_TOKEN, null);
        assertRefused(LogoutRefusal.MALFORMED_LOGOUT_TOKEN, "a.b");
        assertRefused(LogoutRefusal.MALFORMED_LOGOUT_TOKEN, "!!.??.**");
        String valid = sign(c -> {});
        assertRefused(LogoutRefusal.BAD_SIGNATURE, valid.substring(0, valid.length() - 6) + "AAAAAA");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        assertRefused(LogoutRefusal.BAD_SIGNATURE, sign(stranger, c -> {}));
        assertRefused(
                LogoutRefusal.BAD_SIGNATURE,
                sign(new RSAKeyGenerator(2048).keyID("unknown").generate(), c -> {}));
    }

    @Test
    void onlyTheSubjectOrOnlyTheSessionIsEnough() throws Exception {
        assertEquals(
                Optional.empty(),
                tokens.validate(sign(c -> c.claim("sid", null)), NOW).sessionId());
        assertEquals(
                Optional.empty(),
                tokens.validate(sign(c -> c.subject(null).jwtID("jti-2")), NOW).subject());
    }

    private void assertRefused(LogoutRefusal expected, String token) {
        LogoutRefusedException refused = assertThrows(LogoutRefusedException.class, () -> tokens.validate(token, NOW));
        assertEquals(expected, refused.reason());
    }

    private String sign(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return sign(idpKey, change);
    }

    private static String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("tether")
                .subject("alice")
                .claim("sid", "session-1")
                .jwtID("jti-1")
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(115)))
                .claim("events", Map.of(LogoutTokens.LOGOUT_EVENT, Map.of()));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType("logout+jwt"))
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
