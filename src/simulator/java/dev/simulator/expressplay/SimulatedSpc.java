package dev.simulator.expressplay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated FairPlay SPC: the real container layout (big-endian) with a key pair made for the
 * simulator standing in for the provider's FairPlay credentials. Only the holder of the private
 * key (the simulator, like ExpressPlay) can read the device id; Tether itself never parses an SPC.
 *
 * <pre>
 * 0-3 version (1) | 4-7 reserved | 8-23 AES IV | 24-151 payload key, RSA-OAEP to the key server
 * | 20 bytes SHA-1 of the key server's certificate | 4 bytes payload length
 * | AES-128-CBC payload of TLLV blocks (8-byte tag, 4-byte block length, 4-byte value length, value, padding)
 * </pre>
 */
public final class SimulatedSpc {

    public static final long TAG_ASSET_ID = 0x1bf7f53f5d5d5a1fL;
    /** [SK..R1]: holds the 20-byte anonymised device id (HU). */
    public static final long TAG_SK_R1 = 0x3d1a10b8bffac2ecL;

    public static final long TAG_TRANSACTION_ID = 0x47aa7ad3440577deL;

    private static final int VERSION = 1;
    private static final int WRAPPED_KEY_LENGTH = 128;
    private static final int HEADER_LENGTH = 4 + 4 + 16 + WRAPPED_KEY_LENGTH + 20 + 4;
    private static final int MAX_PAYLOAD = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP =
            new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

    /** What the key server learns from an SPC. */
    public record Contents(String assetId, String deviceId, String transactionId) {}

    /** An SPC that is not one, or was not made for this key server. */
    public static final class InvalidSpcException extends Exception {
        public InvalidSpcException(String message) {
            super(message);
        }

        public InvalidSpcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SimulatedSpc() {}

    /**
     * The SPC a device with {@code deviceIdHex} (40 hex digits: the 20-byte HU) would send for
     * {@code assetId}, encrypted to {@code keyServer}.
     */
    public static byte[] build(PublicKey keyServer, String deviceIdHex, String assetId) {
        byte[] hu = HexFormat.of().parseHex(deviceIdHex);
        if (hu.length != 20) {
            throw new IllegalArgumentException("a device id (HU) is 20 bytes, 40 hex digits");
        }
        byte[] transactionId = new byte[8];
        RANDOM.nextBytes(transactionId);
        Map<Long, byte[]> blocks = new LinkedHashMap<>();
        blocks.put(TAG_ASSET_ID, assetId.getBytes(StandardCharsets.UTF_8));
        blocks.put(TAG_SK_R1, hu);
        blocks.put(TAG_TRANSACTION_ID, transactionId);
        byte[] payload = tllv(blocks);
        try {
            byte[] payloadKey = new byte[16];
            byte[] iv = new byte[16];
            RANDOM.nextBytes(payloadKey);
            RANDOM.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(payloadKey, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = aes.doFinal(payload);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, keyServer, OAEP);
            byte[] wrappedKey = rsa.doFinal(payloadKey);
            if (wrappedKey.length != WRAPPED_KEY_LENGTH) {
                throw new IllegalArgumentException("the key server key must be RSA-1024");
            }
            return ByteBuffer.allocate(HEADER_LENGTH + encrypted.length)
                    .putInt(VERSION)
                    .putInt(0)
                    .put(iv)
                    .put(wrappedKey)
                    .put(certificateHash(keyServer))
                    .putInt(encrypted.length)
                    .put(encrypted)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES and RSA-OAEP are required", e);
        }
    }

    /** Decrypts an SPC with the key server's key pair and reads the asset id, device id and transaction id. */
    public static Contents parse(PublicKey keyServerPublic, PrivateKey keyServerPrivate, byte[] spc)
            throws InvalidSpcException {
        if (spc == null || spc.length < HEADER_LENGTH + 16) {
            throw new InvalidSpcException("SPC too short");
        }
        ByteBuffer in = ByteBuffer.wrap(spc);
        if (in.getInt() != VERSION) {
            throw new InvalidSpcException("unsupported SPC version");
        }
        in.getInt();
        byte[] iv = new byte[16];
        in.get(iv);
        byte[] wrappedKey = new byte[WRAPPED_KEY_LENGTH];
        in.get(wrappedKey);
        byte[] certHash = new byte[20];
        in.get(certHash);
        if (!MessageDigest.isEqual(certHash, certificateHash(keyServerPublic))) {
            throw new InvalidSpcException("SPC was made for another key server");
        }
        int length = in.getInt();
        if (length <= 0 || length > MAX_PAYLOAD || length % 16 != 0 || length != in.remaining()) {
            throw new InvalidSpcException("SPC payload length is wrong");
        }
        byte[] encrypted = new byte[length];
        in.get(encrypted);
        byte[] payload;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, keyServerPrivate, OAEP);
            byte[] payloadKey = rsa.doFinal(wrappedKey);
            if (payloadKey.length != 16) {
                throw new InvalidSpcException("SPC payload key has the wrong length");
            }
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(payloadKey, "AES"), new IvParameterSpec(iv));
            payload = aes.doFinal(encrypted);
        } catch (GeneralSecurityException e) {
            throw new InvalidSpcException("SPC cannot be decrypted", e);
        }
        Map<Long, byte[]> blocks = readTllv(payload);
        byte[] asset = blocks.get(TAG_ASSET_ID);
        byte[] hu = blocks.get(TAG_SK_R1);
        byte[] transaction = blocks.get(TAG_TRANSACTION_ID);
        if (asset == null || hu == null || hu.length != 20 || transaction == null) {
            throw new InvalidSpcException("SPC lacks the asset id, the device id or the transaction id");
        }
        return new Contents(
                new String(asset, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(hu),
                HexFormat.of().formatHex(transaction));
    }

    /** Stands in for the SHA-1 of the key server's certificate: the SHA-1 of its public key. */
    static byte[] certificateHash(PublicKey keyServer) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(keyServer.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] tllv(Map<Long, byte[]> blocks) {
        int total = 0;
        for (byte[] value : blocks.values()) {
            total += 16 + padded(value.length);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (Map.Entry<Long, byte[]> block : blocks.entrySet()) {
            byte[] value = block.getValue();
            int blockLength = padded(value.length);
            out.putLong(block.getKey()).putInt(blockLength).putInt(value.length).put(value);
            byte[] padding = new byte[blockLength - value.length];
            RANDOM.nextBytes(padding);
            out.put(padding);
        }
        return out.array();
    }

    static Map<Long, byte[]> readTllv(byte[] payload) throws InvalidSpcException {
        Map<Long, byte[]> blocks = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(payload);
        while (in.remaining() >= 16) {
            long tag = in.getLong();
            int blockLength = in.getInt();
            int valueLength = in.getInt();
            if (blockLength < 0 || valueLength < 0 || valueLength > blockLength || blockLength > in.remaining()) {
                throw new InvalidSpcException("SPC holds a malformed TLLV block");
            }
            byte[] block = new byte[blockLength];
            in.get(block);
            blocks.put(tag, Arrays.copyOf(block, valueLength));
        }
        if (in.hasRemaining()) {
            throw new InvalidSpcException("SPC payload ends inside a TLLV block");
        }
        return blocks;
    }

    private static int padded(int length) {
        return (length + 15) / 16 * 16;
    }
}
