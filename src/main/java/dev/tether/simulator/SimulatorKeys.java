package dev.tether.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The simulator's secrets, made at start-up and never stored: the key server's RSA-1024 pair
 * (SPCs are encrypted to it), the key that signs its ExpressPlay tokens and CKCs, and the
 * development SSO's signing key.
 */
@ApplicationScoped
public class SimulatorKeys {

    private final KeyPair keyServer;
    private final byte[] tokenSecret;
    private final RSAKey ssoKey;

    public SimulatorKeys() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            this.keyServer = rsa.generateKeyPair();
            this.tokenSecret = new byte[32];
            new SecureRandom().nextBytes(tokenSecret);
            this.ssoKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot make the simulator's keys", e);
        }
    }

    public KeyPair keyServer() {
        return keyServer;
    }

    public byte[] tokenSecret() {
        return tokenSecret.clone();
    }

    public RSAKey ssoKey() {
        return ssoKey;
    }
}
