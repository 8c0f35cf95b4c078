package dev.tether.audit.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The offline verifier, run by the build (README, "The audit ledger"):
 *
 * <pre>
 * mvn -q -o -Pledger-verify process-test-classes -Dledger.events=events.jsonl \
 *     -Dledger.checkpoints=checkpoints.jsonl -Dledger.public-keys='dev-1:MCow…'
 * </pre>
 *
 * {@code ledger.public-keys} is the value of {@code tether.audit.checkpoint.public-keys}, or
 * {@code @file} to read it from a file. Prints what it checked; a break fails the command (exit
 * status 1) with the first break's sequence number, kind and description.
 */
public final class LedgerVerifierCommand {

    private LedgerVerifierCommand() {}

    public static void main(String[] args) throws IOException {
        Path events = Path.of(required("ledger.events"));
        Path checkpoints = Path.of(required("ledger.checkpoints"));
        String keys = required("ledger.public-keys");
        if (keys.startsWith("@")) {
            keys = Files.readString(Path.of(keys.substring(1)), StandardCharsets.UTF_8)
                    .strip();
        }
        OfflineVerification.Result result = OfflineVerification.verify(
                Files.readAllLines(events, StandardCharsets.UTF_8),
                Files.readString(checkpoints, StandardCharsets.UTF_8),
                keys);
        String anchor = result.firstSeq() == 1
                ? "from the first event"
                : "from event " + result.firstSeq() + " (its hash taken as given: the export does not begin at 1)";
        if (result.intact()) {
            System.out.println("INTACT: events " + result.firstSeq() + " to " + result.lastSeq() + " ("
                    + result.events() + " events, " + anchor + ") verified against " + result.checkpoints()
                    + " signed checkpoints");
            return;
        }
        ChainVerifier.Break found = result.firstBreak().orElseThrow();
        System.out.println("BROKEN at event " + found.seq() + " (" + found.kind() + "): " + found.detail());
        throw new IllegalStateException(
                "the ledger export does not verify: " + found.kind() + " at event " + found.seq());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required");
        }
        return value;
    }
}
