package dev.tether.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A checkpoint as served, written to the checkpoint file and read by the offline verifier. The
 * signature is Ed25519 over the UTF-8 bytes of {@link #statement()}: four lines, the format's
 * name, the sequence number, the head hash (hex) and the time (ISO-8601 UTC, milliseconds), each
 * ended by a line feed.
 */
public record CheckpointView(long seq, String hash, Instant time, String keyId, String signature) {

    public static final String FORMAT = "tether-audit-checkpoint/v1";

    static CheckpointView signed(long seq, String hash, Instant at, CheckpointKeys keys) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        String statement = statement(seq, hash, time);
        return new CheckpointView(seq, hash, time, keys.activeId(), keys.sign(statement));
    }

    /** The signed text. */
    public String statement() {
        return statement(seq, hash, time);
    }

    private static String statement(long seq, String hash, Instant time) {
        return FORMAT + "\n" + seq + "\n" + hash + "\n" + time.truncatedTo(ChronoUnit.MILLIS) + "\n";
    }

    /** Whether one of {@code keys} signed this statement under its key id. */
    public boolean verifiedBy(CheckpointKeys keys) {
        return keys.verify(keyId, statement().getBytes(StandardCharsets.UTF_8), signature);
    }
}
