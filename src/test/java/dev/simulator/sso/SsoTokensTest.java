package dev.simulator.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one shape of the development SSO's access tokens and its group list. */
class SsoTokensTest {

    @Test
    void groupsAreCommaSeparatedRoleNames() {
        assertEquals(Optional.of(List.of("admin", "auditor")), SsoTokens.groups(" admin, auditor ,"));
        assertEquals(Optional.of(List.of()), SsoTokens.groups(null));
        assertEquals(Optional.of(List.of()), SsoTokens.groups("  "));
        assertTrue(SsoTokens.groups("admin,<script>").isEmpty());
        assertTrue(SsoTokens.groups("a".repeat(65)).isEmpty());
    }

    @Test
    void anAccessTokenNamesTheUserItsGroupsAndItsSessionOnlyWhenGiven() throws ParseException {
        SsoTokens tokens = new SsoTokens();
        tokens.issuer = "https://sso.example";
        tokens.audiences = List.of("tether");
        tokens.lifetime = Duration.ofHours(1);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);

        JWTClaimsSet claims = tokens.access("alice", List.of("subscriber"), null, now, now.plusSeconds(60))
                .build();
        assertEquals("https://sso.example", claims.getIssuer());
        assertEquals(List.of("tether"), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals(List.of("subscriber"), claims.getStringListClaim("groups"));
        assertEquals(now.plusSeconds(60), claims.getExpirationTime().toInstant());
        assertFalse(claims.getClaims().containsKey("sid"));
        assertEquals(
                "s-1",
                tokens.access("alice", List.of(), "s-1", now, now.plusSeconds(60))
                        .build()
                        .getStringClaim("sid"));
    }
}
