package dev.tether.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the audit trail keeps of a token URL: enough to recognise a token later (an auditor given
 * a URL can compute it), never enough to redeem it.
 */
public final class TokenFingerprint {

    private TokenFingerprint() {}

    /** The first 128 bits of the SHA-256 of the token URL, in hex. */
    public static String of(String tokenUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
