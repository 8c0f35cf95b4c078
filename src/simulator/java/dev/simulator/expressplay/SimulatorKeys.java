package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/**
 * The simulated ExpressPlay's secrets, made at start-up and never stored: the key server's
 * RSA-1024 pair (SPCs are encrypted to it) and the key that signs its tokens and CKCs.
 */
@ApplicationScoped
public class SimulatorKeys {

    private final KeyPair keyServer;
    private final byte[] tokenSecret;

    public SimulatorKeys() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            this.keyServer = rsa.generateKeyPair();
            this.tokenSecret = new byte[32];
            new SecureRandom().nextBytes(tokenSecret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the simulator's keys", e);
        }
    }

    public KeyPair keyServer() {
        return keyServer;
    }

    public byte[] tokenSecret() {
        return tokenSecret.clone();
    }
}
