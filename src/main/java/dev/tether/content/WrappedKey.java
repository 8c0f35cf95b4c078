package dev.tether.content;

import java.util.Objects;

/**
 * A content key as it rests in the database: the id of the master key that wrapped it and the
 * AES-GCM output (12-byte nonce, ciphertext, 16-byte tag) in base64. Useless without the master key.
 */
public record WrappedKey(String masterKeyId, String sealed) {

    public WrappedKey {
        Objects.requireNonNull(masterKeyId, "master key id");
        Objects.requireNonNull(sealed, "sealed key");
    }
}
