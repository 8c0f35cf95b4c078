package dev.tether.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.ChainVerifier.Break;
import dev.tether.audit.ledger.ChainVerifier.Entry;
import dev.tether.audit.ledger.ChainVerifier.Kind;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of tampering an administrator of the database could do, and what the verifier reports. */
class ChainVerifierTest {

    private final KeyPair pair = Chains.keyPair();
    private final CheckpointKeys keys = Chains.signing("k1", pair);
    private final List<Entry> chain = Chains.chain(10);
    private final List<CheckpointView> checkpoints =
            List.of(Chains.checkpoint(chain, 4, keys), Chains.checkpoint(chain, 8, keys));

    private Optional<Break> verify(List<Entry> entries, List<CheckpointView> signed, CheckpointKeys with) {
        ChainVerifier verifier = new ChainVerifier(1, LedgerRecord.GENESIS, signed, with);
        for (Entry e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.finish(Optional.empty());
    }

    private Optional<Break> verify(List<Entry> entries) {
        return verify(entries, checkpoints, keys);
    }

    private static Entry changed(Entry e, String user) {
        LedgerRecord r = e.record();
        return new Entry(
                new LedgerRecord(
                        r.seq(),
                        r.occurredAt(),
                        r.type(),
                        r.outcome(),
                        r.reasonCode(),
                        user,
                        r.deviceId(),
                        r.contentId(),
                        r.cookie(),
                        r.tokenFingerprint(),
                        r.tokenExpiresAt(),
                        r.requestId(),
                        r.clientAddress(),
                        r.actorId(),
                        r.detail()),
                e.hash());
    }

    /** Recomputes every hash from {@code from} on, as someone who can write the table could. */
    private static List<Entry> rehashed(List<Entry> entries) {
        List<Entry> out = new ArrayList<>();
        String previous = LedgerRecord.GENESIS;
        for (Entry e : entries) {
            previous = e.record().hashAfter(previous);
            out.add(new Entry(e.record(), previous));
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerifier verifier = new ChainVerifier(1, LedgerRecord.GENESIS, checkpoints, keys);
        chain.forEach(verifier::accept);
        assertEquals(Optional.empty(), verifier.finish(Optional.of(10L)));
        assertEquals(10, verifier.checked());
        assertEquals(2, verifier.checkpointsChecked());
    }

    @Test
    void aChangedEventIsFoundWhereItWasChanged() {
        List<Entry> tampered = new ArrayList<>(chain);
        tampered.set(5, changed(chain.get(5), "mallory"));
        Break found = verify(tampered).orElseThrow();
        assertEquals(6, found.seq());
        assertEquals(Kind.CHANGED, found.kind());
    }

    @Test
    void aChangeWhoseHashesWereRecomputedIsCaughtByTheNextCheckpoint() {
        List<Entry> tampered = new ArrayList<>(chain);
        tampered.set(5, changed(chain.get(5), "mallory"));
        Break found = verify(rehashed(tampered)).orElseThrow();
        assertEquals(8, found.seq());
        assertEquals(Kind.CHECKPOINT_MISMATCH, found.kind());
    }

    @Test
    void anEventDeletedInTheMiddleIsMissing() {
        List<Entry> tampered = new ArrayList<>(chain);
        tampered.remove(2);
        Break found = verify(tampered).orElseThrow();
        assertEquals(3, found.seq());
        assertEquals(Kind.MISSING, found.kind());
    }

    @Test
    void theNewestEventsDeletedAfterACheckpointAreFound() {
        Break found = verify(chain.subList(0, 6)).orElseThrow();
        assertEquals(Kind.TRUNCATED, found.kind());
        assertEquals(7, found.seq());
        assertTrue(found.detail().contains("event 8"), found.detail());
    }

    @Test
    void theNewestEventsDeletedAreFoundAgainstTheHeadWithoutACheckpoint() {
        ChainVerifier verifier = new ChainVerifier(1, LedgerRecord.GENESIS, List.of(), keys);
        chain.subList(0, 9).forEach(verifier::accept);
        Break found = verifier.finish(Optional.of(10L)).orElseThrow();
        assertEquals(Kind.TRUNCATED, found.kind());
        assertEquals(10, found.seq());
    }

    @Test
    void anInsertedEventIsFound() {
        List<Entry> tampered = new ArrayList<>(chain);
        LedgerRecord forged = Chains.record(4, "mallory");
        tampered.add(4, new Entry(forged, forged.hashAfter(chain.get(3).hash())));
        Break found = verify(tampered).orElseThrow();
        assertEquals(Kind.OUT_OF_ORDER, found.kind());
        assertEquals(4, found.seq());
    }

    @Test
    void anInsertedEventWithTheFollowingRenumberedIsFound() {
        List<Entry> tampered = new ArrayList<>();
        for (Entry e : chain) {
            tampered.add(e);
        }
        LedgerRecord forged = Chains.record(5, "mallory");
        tampered.add(4, new Entry(forged, forged.hashAfter(chain.get(3).hash())));
        for (int i = 5; i < tampered.size(); i++) {
            Entry e = tampered.get(i);
            LedgerRecord r = e.record();
            tampered.set(
                    i,
                    new Entry(
                            new LedgerRecord(
                                    r.seq() + 1,
                                    r.occurredAt(),
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
                                    r.detail()),
                            e.hash()));
        }
        Break found = verify(tampered).orElseThrow();
        assertEquals(6, found.seq());
        assertEquals(Kind.CHANGED, found.kind());
    }

    @Test
    void twoSwappedEventsAreFound() {
        List<Entry> tampered = new ArrayList<>(chain);
        Collections.swap(tampered, 1, 2);
        Break found = verify(tampered).orElseThrow();
        assertEquals(Kind.MISSING, found.kind(), "event 3 where 2 belongs");
        assertEquals(2, found.seq());

        List<Entry> contentsSwapped = new ArrayList<>(chain);
        contentsSwapped.set(1, changed(chain.get(1), chain.get(2).record().userId()));
        contentsSwapped.set(2, changed(chain.get(2), chain.get(1).record().userId()));
        assertEquals(2, verify(contentsSwapped).orElseThrow().seq());
    }

    @Test
    void checkpointsVerifyWithTheirPublicKeyAndFailWithAnother() {
        KeyPair other = Chains.keyPair();
        CheckpointView signed = checkpoints.get(0);
        assertTrue(signed.verifiedBy(keys));
        assertTrue(signed.verifiedBy(CheckpointKeys.verifying(Chains.publicSpec("k1", pair))));
        assertFalse(signed.verifiedBy(CheckpointKeys.verifying(Chains.publicSpec("k1", other))));
        assertFalse(signed.verifiedBy(CheckpointKeys.verifying(Chains.publicSpec("k2", pair))), "unknown key id");

        Break found = verify(chain, checkpoints, CheckpointKeys.verifying(Chains.publicSpec("k1", other)))
                .orElseThrow();
        assertEquals(Kind.BAD_SIGNATURE, found.kind());
        assertEquals(4, found.seq());
    }

    @Test
    void aCheckpointWithAnAlteredFieldNoLongerVerifies() {
        CheckpointView signed = checkpoints.get(0);
        assertFalse(
                new CheckpointView(signed.seq() + 1, signed.hash(), signed.time(), signed.keyId(), signed.signature())
                        .verifiedBy(keys));
        assertFalse(
                new CheckpointView(signed.seq(), chain.get(0).hash(), signed.time(), signed.keyId(), signed.signature())
                        .verifiedBy(keys));
        assertFalse(new CheckpointView(
                        signed.seq(), signed.hash(), signed.time().plusMillis(1), signed.keyId(), signed.signature())
                .verifiedBy(keys));
    }

    @Test
    void afterARotationOldAndNewCheckpointsVerifyWithThePublicKeysById() {
        KeyPair next = Chains.keyPair();
        CheckpointKeys rotated = CheckpointKeys.signing(
                Chains.privateSpec("k2", next), Chains.publicSpec("k1", pair) + ";" + Chains.publicSpec("k2", next));
        List<CheckpointView> both = List.of(checkpoints.get(0), Chains.checkpoint(chain, 9, rotated));
        assertEquals("k2", both.get(1).keyId());
        assertEquals(
                Optional.empty(),
                verify(
                        chain,
                        both,
                        CheckpointKeys.verifying(Chains.publicSpec("k1", pair) + ";" + Chains.publicSpec("k2", next))));
    }

    @Test
    void aSigningKeyWithoutItsPublicHalfIsRefused() {
        KeyPair other = Chains.keyPair();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> CheckpointKeys.signing(Chains.privateSpec("k1", pair), Chains.publicSpec("k1", other)));
        assertTrue(e.getMessage().contains("k1"), e.getMessage());
    }
}
