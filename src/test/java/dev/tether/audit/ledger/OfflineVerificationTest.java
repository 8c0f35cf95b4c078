package dev.tether.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The offline verifier on an export's lines and a checkpoint file, as written by the server. */
class OfflineVerificationTest {

    private final KeyPair pair = Chains.keyPair();
    private final CheckpointKeys keys = Chains.signing("k1", pair);
    private final List<ChainVerifier.Entry> chain = Chains.chain(6);
    private final String checkpointFile = LedgerJson.checkpointLine(Chains.checkpoint(chain, 3, keys)) + "\n"
            + LedgerJson.checkpointLine(Chains.checkpoint(chain, 6, keys)) + "\n";

    private List<String> export() {
        List<String> lines = new ArrayList<>();
        for (ChainVerifier.Entry e : chain) {
            lines.add(LedgerJson.eventLine(100 + e.record().seq(), e.record(), e.hash()));
        }
        return lines;
    }

    @Test
    void anUntouchedExportVerifies() {
        OfflineVerification.Result result =
                OfflineVerification.verify(export(), checkpointFile, Chains.publicSpec("k1", pair));
        assertTrue(result.intact(), result.toString());
        assertEquals(6, result.events());
        assertEquals(2, result.checkpoints());
    }

    @Test
    void theApisJsonArrayOfCheckpointsServesAsWell() {
        String array = "[" + String.join(",", checkpointFile.strip().split("\n")) + "]";
        assertTrue(OfflineVerification.verify(export(), array, Chains.publicSpec("k1", pair))
                .intact());
    }

    @Test
    void anEditedLineIsFound() {
        List<String> lines = export();
        lines.set(1, lines.get(1).replace("user-2", "user-9"));
        ChainVerifier.Break found = OfflineVerification.verify(lines, checkpointFile, Chains.publicSpec("k1", pair))
                .firstBreak()
                .orElseThrow();
        assertEquals(2, found.seq());
        assertEquals(ChainVerifier.Kind.CHANGED, found.kind());
    }

    @Test
    void reorderedLinesAndCutNewestLinesAreFound() {
        List<String> lines = export();
        String second = lines.remove(1);
        lines.add(2, second);
        assertEquals(
                ChainVerifier.Kind.MISSING,
                OfflineVerification.verify(lines, checkpointFile, Chains.publicSpec("k1", pair))
                        .firstBreak()
                        .orElseThrow()
                        .kind());
        List<String> cut = export().subList(0, 4);
        assertEquals(
                ChainVerifier.Kind.TRUNCATED,
                OfflineVerification.verify(cut, checkpointFile, Chains.publicSpec("k1", pair))
                        .firstBreak()
                        .orElseThrow()
                        .kind());
    }

    @Test
    void anotherPublicKeyFailsTheCheckpoints() {
        String wrong = Chains.publicSpec("k1", Chains.keyPair());
        assertEquals(
                ChainVerifier.Kind.BAD_SIGNATURE,
                OfflineVerification.verify(export(), checkpointFile, wrong)
                        .firstBreak()
                        .orElseThrow()
                        .kind());
    }

    @Test
    void anExportFromACursorChecksTheRestAgainstItsFirstEvent() {
        List<String> fromFour = export().stream().skip(3).collect(Collectors.toList());
        OfflineVerification.Result result =
                OfflineVerification.verify(fromFour, checkpointFile, Chains.publicSpec("k1", pair));
        assertTrue(result.intact(), result.toString());
        assertEquals(4, result.firstSeq());
    }
}
