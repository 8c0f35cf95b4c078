package dev.simulator.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PKCE's S256 transform and the one-time codes of the development SSO's code flow. */
class OidcCodeFlowTest {

    @Test
    void s256IsRfc7636sExample() {
        // RFC 7636, appendix B.
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcCodeFlow.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void aCodeIsRedeemedOnceAndNotAfterItExpires() {
        AuthorizationCodes codes = new AuthorizationCodes();
        String code = codes.issue(grant(Instant.now().plusSeconds(60)));
        assertEquals("alice", codes.redeem(code).orElseThrow().user());
        assertTrue(codes.redeem(code).isEmpty(), "a second redemption finds nothing");
        String expired = codes.issue(grant(Instant.now().minusSeconds(1)));
        assertTrue(codes.redeem(expired).isEmpty());
        assertTrue(codes.redeem("made-up").isEmpty());
        assertTrue(codes.redeem(null).isEmpty());
    }

    private static AuthorizationCodes.Grant grant(Instant expiresAt) {
        return new AuthorizationCodes.Grant(
                "alice",
                List.of("auditor"),
                "tether-console",
                "http://localhost:9080/tether/console/",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "n",
                "sid",
                expiresAt);
    }
}
