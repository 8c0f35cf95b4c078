package dev.tether.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerRecordTest {

    private static LedgerRecord withUserAndDevice(String user, String device) {
        LedgerRecord r = Chains.record(7, user);
        return new LedgerRecord(
                r.seq(),
                r.occurredAt(),
                r.type(),
                r.outcome(),
                r.reasonCode(),
                user,
                device,
                r.contentId(),
                r.cookie(),
                r.tokenFingerprint(),
                r.tokenExpiresAt(),
                r.requestId(),
                r.clientAddress(),
                r.actorId(),
                r.detail());
    }

    @Test
    void theEncodingIsTheVersionThenEachValueLengthPrefixedAndAbsentValuesAreOneZeroByte() {
        byte[] encoding = Chains.record(7, "alice").encoding();
        ByteBuffer buffer = ByteBuffer.wrap(encoding);
        assertEquals(1, buffer.get());
        byte[] version = new byte[buffer.getInt()];
        buffer.get(version);
        assertEquals(LedgerRecord.VERSION, new String(version, StandardCharsets.UTF_8));
        assertEquals(1, buffer.get());
        byte[] seq = new byte[buffer.getInt()];
        buffer.get(seq);
        assertEquals("7", new String(seq, StandardCharsets.UTF_8));
        assertEquals(1, buffer.get());
        byte[] time = new byte[buffer.getInt()];
        buffer.get(time);
        assertEquals("2026-12-01T10:00:07.123456Z", new String(time, StandardCharsets.UTF_8), "microseconds, UTC");
        buffer.position(buffer.position() + 1 + 4 + "DEVICE_BOUND_TOKEN".length() + 1 + 4 + "GRANTED".length());
        assertEquals(0, buffer.get(), "the absent reason code");
    }

    @Test
    void noTwoDifferentEventsEncodeAlike() {
        assertNotEquals(
                new String(withUserAndDevice("ab", "c").encoding(), StandardCharsets.ISO_8859_1),
                new String(withUserAndDevice("a", "bc").encoding(), StandardCharsets.ISO_8859_1),
                "a value cannot spill into its neighbour");
        assertNotEquals(
                new String(withUserAndDevice(null, "c").encoding(), StandardCharsets.ISO_8859_1),
                new String(withUserAndDevice("", "c").encoding(), StandardCharsets.ISO_8859_1),
                "absent is not empty");
        assertNotEquals(
                Chains.record(7, "alice").hashAfter(LedgerRecord.GENESIS),
                Chains.record(8, "alice").hashAfter(LedgerRecord.GENESIS));
    }

    @Test
    void theHashCommitsToThePreviousHashAndTimesAreHashedAsStored() {
        LedgerRecord r = Chains.record(1, "alice");
        assertNotEquals(r.hashAfter(LedgerRecord.GENESIS), r.hashAfter("1" + LedgerRecord.GENESIS.substring(1)));
        assertEquals(64, r.hashAfter(LedgerRecord.GENESIS).length());
        Instant nanos = Instant.parse("2026-12-01T10:00:00.123456789Z");
        assertEquals(Instant.parse("2026-12-01T10:00:00.123456Z"), LedgerRecord.stored(nanos));
        assertArrayEquals(
                withTime(nanos).encoding(),
                withTime(LedgerRecord.stored(nanos)).encoding(),
                "what is stored is what is hashed");
    }

    private static LedgerRecord withTime(Instant at) {
        LedgerRecord r = Chains.record(1, "alice");
        return new LedgerRecord(
                r.seq(),
                at,
                r.type(),
                r.outcome(),
                r.reasonCode(),
                r.userId(),
                r.deviceId(),
                r.contentId(),
                r.cookie(),
                r.tokenFingerprint(),
                r.tokenExpiresAt(),
                r.requestId(),
                r.clientAddress(),
                r.actorId(),
                r.detail());
    }

    @Test
    void anExportedLineReadsBackAsTheSameEntry() {
        ChainVerifier.Entry entry = Chains.chain(3).get(2);
        String line = LedgerJson.eventLine(42, entry.record(), entry.hash());
        ChainVerifier.Entry read = LedgerJson.entry(line);
        assertEquals(entry.hash(), read.hash());
        assertArrayEquals(entry.record().encoding(), read.record().encoding());
    }
}
