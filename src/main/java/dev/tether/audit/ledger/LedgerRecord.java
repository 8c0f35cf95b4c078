package dev.tether.audit.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An audit event as the chain sees it: its sequence number and the fields it commits to, in a
 * canonical encoding (README, "The audit ledger"). The encoding is a version label followed by
 * each value in a fixed order, absent as the byte 0, present as the byte 1, its UTF-8 length as a
 * 4-byte big-endian integer, and its UTF-8 bytes: unambiguous whatever the values hold, so no two
 * events encode alike. Times are written as UTC with exactly six fraction digits, the precision
 * both databases keep.
 */
public record LedgerRecord(
        long seq,
        Instant occurredAt,
        String type,
        String outcome,
        String reasonCode,
        String userId,
        String deviceId,
        String contentId,
        String cookie,
        String tokenFingerprint,
        Instant tokenExpiresAt,
        String requestId,
        String clientAddress,
        String actorId,
        String detail) {

    /** The hash before the first event: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    /** Names the encoding, so a later one cannot be mistaken for it. */
    public static final String VERSION = "tether-audit-ledger/v1";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    /** The precision of the time columns on H2 and PostgreSQL: what is stored is what is hashed. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The values in their canonical order; the version label first. */
    public List<String> values() {
        return Arrays.asList(
                VERSION,
                Long.toString(seq),
                time(occurredAt),
                type,
                outcome,
                reasonCode,
                userId,
                deviceId,
                contentId,
                cookie,
                tokenFingerprint,
                time(tokenExpiresAt),
                requestId,
                clientAddress,
                actorId,
                detail);
    }

    /** The canonical encoding of this event. */
    public byte[] encoding() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String value : values()) {
            if (value == null) {
                out.write(0);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                out.write(1);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** This event's link: hex SHA-256 of the previous event's hash (32 bytes) then its encoding. */
    public String hashAfter(String previousHash) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        sha256.update(encoding());
        return HEX.formatHex(sha256.digest());
    }

    /** The canonical text of a time, as hashed. */
    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(stored(instant));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
