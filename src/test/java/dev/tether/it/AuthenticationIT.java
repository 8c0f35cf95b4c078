package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nobody gets a token without a valid SSO token carrying the right role. */
class AuthenticationIT extends TetherIT {

    private String body;

    @BeforeEach
    void setUp() {
        body = Player.request(1, "demo-movie").build().toString();
    }

    @Test
    void noTokenIs401() {
        HttpResponse<String> response = asPlayer.sees(null, body);

        assertEquals(401, response.statusCode());
        assertFalse(response.body().contains("epTokenURL"));
    }

    @Test
    void aMalformedTokenIs401() {
        assertEquals(401, asPlayer.sees("not.a.jwt", body).statusCode());
        assertEquals(401, asPlayer.sees("garbage", body).statusCode());
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey foreign =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Instant now = Instant.now();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(foreign.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer("https://sso.tether.dev")
                        .audience("tether")
                        .subject("mallory")
                        .claim("upn", "mallory")
                        .claim("groups", List.of("subscriber"))
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .build());
        forged.sign(new RSASSASigner(foreign));

        assertEquals(401, asPlayer.sees(forged.serialize(), body).statusCode());
    }

    @Test
    void aTamperedTokenIs401() {
        String token = http.token("alice-" + UUID.randomUUID(), "auditor");
        String[] parts = token.split("\\.");
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"auditor\"", "\"subscriber\"");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertEquals(401, asPlayer.sees(tampered, body).statusCode());
    }

    @Test
    void aValidTokenWithoutTheRoleIs403() {
        String auditorOnly = http.token("auditor-" + UUID.randomUUID(), "auditor");
        String subscriberOnly = http.token("subscriber-" + UUID.randomUUID(), "subscriber");

        assertEquals(403, asPlayer.sees(auditorOnly, body).statusCode());
        HttpResponse<String> audit = asAuditor.search(subscriberOnly, "user=anyone");
        assertEquals(403, audit.statusCode());
        assertEquals(
                "application/problem+json",
                audit.headers().firstValue("Content-Type").orElse(""));
    }
}
