package dev.tether.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Ed25519 keys of the checkpoints: the public keys by id (every key that ever signed, so that
 * old checkpoints still verify after a rotation) and, on a server, the one private key that signs
 * new checkpoints, whose id is the active one. The private key is configured as
 * {@code id:base64} of its PKCS#8 encoding, the public keys as {@code id:base64} of their X.509
 * encoding separated by {@code ;}. Parse errors name the entry by position or id, never a key.
 */
public final class CheckpointKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final Map<String, PublicKey> publicKeys;
    private final String activeId;
    private final PrivateKey signingKey;

    private CheckpointKeys(Map<String, PublicKey> publicKeys, String activeId, PrivateKey signingKey) {
        this.publicKeys = publicKeys;
        this.activeId = activeId;
        this.signingKey = signingKey;
    }

    /** Keys that verify only: the offline verifier's. */
    public static CheckpointKeys verifying(String publicKeys) {
        return new CheckpointKeys(parsePublic(publicKeys), null, null);
    }

    /**
     * Keys that sign with {@code signingKey} and verify with {@code publicKeys}, which must hold the
     * signing key's id with its public half.
     */
    public static CheckpointKeys signing(String signingKey, String publicKeys) {
        Map<String, PublicKey> verifying = parsePublic(publicKeys);
        int colon = signingKey.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("the signing key is not id:base64");
        }
        String id = id(signingKey.substring(0, colon).strip(), "the signing key");
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(base64(signingKey.substring(colon + 1), "the signing key")));
        } catch (GeneralSecurityException e) {
            // The exception may describe the key's bytes; its id is enough to find it.
            throw new IllegalArgumentException("the signing key " + id + " is not an Ed25519 PKCS#8 key");
        }
        if (!verifying.containsKey(id)) {
            throw new IllegalArgumentException("the public keys do not hold the signing key's id " + id
                    + ": its checkpoints could not be verified");
        }
        CheckpointKeys keys = new CheckpointKeys(verifying, id, privateKey);
        String probe = "tether checkpoint key probe";
        if (!keys.verify(id, probe.getBytes(StandardCharsets.UTF_8), keys.sign(probe))) {
            throw new IllegalArgumentException("the public key " + id + " is not the signing key's public half");
        }
        return keys;
    }

    /** The ids listed in {@code publicKeys}, for the start-up check. */
    public static Set<String> idsOf(String publicKeys) {
        return parsePublic(publicKeys).keySet();
    }

    /** The id of the signing key, or none when these keys only verify. */
    public Optional<String> active() {
        return Optional.ofNullable(activeId);
    }

    String activeId() {
        if (activeId == null) {
            throw new IllegalStateException("these keys only verify");
        }
        return activeId;
    }

    /** Whether {@code raw} is the PKCS#8 encoding of the signing key. */
    public boolean signsWith(byte[] raw) {
        return signingKey != null && Arrays.equals(signingKey.getEncoded(), raw);
    }

    /** Base64 of the Ed25519 signature of {@code statement}'s UTF-8 bytes by the signing key. */
    public String sign(String statement) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signingKey);
            ed25519.update(statement.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} (base64) is the key {@code keyId}'s over {@code message}; false for an unknown id. */
    public boolean verify(String keyId, byte[] message, String signature) {
        PublicKey key = publicKeys.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // A signature that is not base64 or not 64 bytes is as false as a wrong one.
            return false;
        }
    }

    private static Map<String, PublicKey> parsePublic(String spec) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        String[] entries = spec.split(";");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            String where = "public key entry " + (i + 1);
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + " is not id:base64");
            }
            String id = id(entry.substring(0, colon).strip(), where);
            if (keys.containsKey(id)) {
                throw new IllegalArgumentException("public key id " + id + " is listed twice");
            }
            try {
                keys.put(
                        id,
                        KeyFactory.getInstance("Ed25519")
                                .generatePublic(new X509EncodedKeySpec(base64(entry.substring(colon + 1), where))));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("public key " + id + " is not an Ed25519 X.509 key");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no public key is listed");
        }
        return keys;
    }

    private static String id(String id, String where) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + " has an invalid id (1-32 of A-Z a-z 0-9 . _ -)");
        }
        return id;
    }

    private static byte[] base64(String value, String where) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not base64");
        }
    }
}
