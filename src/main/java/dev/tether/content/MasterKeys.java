package dev.tether.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap content keys with AES-GCM, each under an id, and the active one that
 * wraps new keys. Old keys stay listed until every wrap under them has been re-wrapped, so a
 * rotation never makes a title unplayable. The content id is the GCM associated data: a wrapped
 * key copied onto another title does not open.
 */
public final class MasterKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private MasterKeys(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /**
     * Reads {@code id1:base64key;id2:base64key} (AES keys of 16, 24 or 32 bytes) and the id of the
     * active key. Errors name the offending id or position, never a key.
     */
    public static MasterKeys parse(String spec, String activeId) {
        Map<String, SecretKey> keys = read(spec);
        if (activeId == null || !keys.containsKey(activeId.strip())) {
            throw new IllegalArgumentException("the active master key must be one of " + keys.keySet());
        }
        return new MasterKeys(Collections.unmodifiableMap(keys), activeId.strip());
    }

    /**
     * The ids that {@code spec} lists, each entry checked as {@link #parse} checks it: lets a
     * start-up check tell a bad list from an active id that is not in it.
     */
    public static Set<String> idsOf(String spec) {
        return Collections.unmodifiableSet(read(spec).keySet());
    }

    private static Map<String, SecretKey> read(String spec) {
        Objects.requireNonNull(spec, "master keys");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String entry : spec.split(";")) {
            position++;
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("master key entry " + position + " is not id:base64key");
            }
            String id = entry.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("master key entry " + position + " has an invalid id");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key " + id + " is not base64");
            }
            if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
                throw new IllegalArgumentException("master key " + id + " must be 16, 24 or 32 bytes");
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new IllegalArgumentException("master key " + id + " is listed twice");
            }
        }
        return keys;
    }

    public String activeId() {
        return activeId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** Whether {@code key} is one of these keys, under whatever id: to refuse a key known to be public. */
    public boolean holds(byte[] key) {
        for (SecretKey configured : keys.values()) {
            byte[] bytes = configured.getEncoded();
            try {
                if (MessageDigest.isEqual(bytes, key)) {
                    return true;
                }
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return false;
    }

    /** Wraps a content key under the active master key, bound to {@code content}. */
    public WrappedKey wrap(byte[] contentKey, ContentId content) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(content));
            byte[] sealed = cipher.doFinal(contentKey);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new WrappedKey(activeId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** Opens a wrapped key of {@code content}, under whichever configured master key wrapped it. */
    public byte[] unwrap(WrappedKey wrapped, ContentId content) {
        SecretKey key = keys.get(wrapped.masterKeyId());
        if (key == null) {
            throw new KeyUnwrapException("the key of " + content + " is wrapped under master key "
                    + wrapped.masterKeyId() + ", which is not configured");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(wrapped.sealed());
        } catch (IllegalArgumentException e) {
            throw new KeyUnwrapException("the wrapped key of " + content + " is not base64");
        }
        if (in.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new KeyUnwrapException("the wrapped key of " + content + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(content));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new KeyUnwrapException(
                    "the wrapped key of " + content + " fails its integrity check under master key "
                            + wrapped.masterKeyId(),
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** Whether {@code wrapped} is under an older key than the active one. */
    public boolean isStale(WrappedKey wrapped) {
        return !activeId.equals(wrapped.masterKeyId());
    }

    private static byte[] aad(ContentId content) {
        return ("tether-content-key:" + content.value()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKeys" + keys.keySet() + "[active=" + activeId + "]";
    }
}
