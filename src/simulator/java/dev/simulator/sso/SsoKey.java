package dev.simulator.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
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

    public RSAKey key() {
        return key;
    }
}
