package dev.tether.audit.ledger;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Chains and keys for the ledger's unit tests, built as the server builds them. */
final class Chains {

    static final Instant START = Instant.parse("2026-12-01T10:00:00.123456789Z");

    private Chains() {}

    static LedgerRecord record(long seq, String user) {
        return new LedgerRecord(
                seq,
                START.plusSeconds(seq),
                "DEVICE_BOUND_TOKEN",
                "GRANTED",
                null,
                user,
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "demo-movie",
                "cookie-" + seq,
                "0123456789abcdef0123456789abcdef",
                START.plusSeconds(seq + 3600),
                "6f1c2a9e-0b7d-4c38-9a51-2e7f0d4b8c1" + (seq % 10),
                "127.0.0.1",
                null,
                "{\"newDevice\":false}");
    }

    /** Events 1 to {@code n}, chained from the genesis hash. */
    static List<ChainVerifier.Entry> chain(int n) {
        List<ChainVerifier.Entry> entries = new ArrayList<>();
        String previous = LedgerRecord.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            LedgerRecord record = record(seq, "user-" + seq);
            previous = record.hashAfter(previous);
            entries.add(new ChainVerifier.Entry(record, previous));
        }
        return entries;
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicSpec(String id, KeyPair pair) {
        return id + ":" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    static String privateSpec(String id, KeyPair pair) {
        return id + ":" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    static CheckpointKeys signing(String id, KeyPair pair) {
        return CheckpointKeys.signing(privateSpec(id, pair), publicSpec(id, pair));
    }

    /** A checkpoint of the chain's event {@code seq}. */
    static CheckpointView checkpoint(List<ChainVerifier.Entry> chain, int seq, CheckpointKeys keys) {
        return CheckpointView.signed(seq, chain.get(seq - 1).hash(), START.plusSeconds(seq), keys);
    }
}
