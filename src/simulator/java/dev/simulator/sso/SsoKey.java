package dev.simulator.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The development SSO's signing key, made at start-up and never stored. */
@ApplicationScoped
public class SsoKey {

    private final RSAKey key;

    public SsoKey() {
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the development SSO's key", e);
        }
    }

    /** {@code claims} signed with RS256 under this key's id, as a compact JWS of {@code type}. */
    public String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(type)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    public RSAKey key() {
        return key;
    }
}
