package dev.tether.audit.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Proves an export without the server: the streamed export's JSON lines in the order they were
 * written, the checkpoints (the checkpoint file, or the answer of {@code GET
 * /api/audit/checkpoints}) and the public keys. An export from the first event is checked from the
 * genesis hash; one from a cursor takes its first event's hash as given and checks the rest against
 * it. Checkpoints before the export's first event are not looked at; one beyond its last event
 * proves that the newest events are missing.
 */
public final class OfflineVerification {

    /** The outcome: how much was checked, and the first break if any. */
    public record Result(
            long firstSeq, long events, int checkpoints, long lastSeq, Optional<ChainVerifier.Break> firstBreak) {

        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    private OfflineVerification() {}

    public static Result verify(List<String> eventLines, String checkpoints, String publicKeys) {
        CheckpointKeys keys = CheckpointKeys.verifying(publicKeys);
        List<CheckpointView> signed = LedgerJson.checkpoints(checkpoints);
        List<ChainVerifier.Entry> entries = eventLines.stream()
                .filter(line -> !line.isBlank())
                .map(LedgerJson::entry)
                .toList();
        long first = entries.isEmpty() ? 1 : entries.get(0).record().seq();
        ChainVerifier verifier = new ChainVerifier(first, first == 1 ? LedgerRecord.GENESIS : null, signed, keys);
        for (ChainVerifier.Entry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        Optional<ChainVerifier.Break> found = verifier.finish(Optional.empty());
        return new Result(first, verifier.checked(), verifier.checkpointsChecked(), verifier.lastSeq(), found);
    }
}
