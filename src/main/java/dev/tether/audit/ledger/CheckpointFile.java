package dev.tether.audit.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends each committed checkpoint to the configured file, one JSON line each, synced to disk: a
 * copy the database cannot rewrite, for a collector to ship elsewhere or for the offline verifier.
 * Each instance writes the checkpoints it makes; together the files of all instances hold them all.
 */
@ApplicationScoped
public class CheckpointFile {

    private static final Logger LOG = Logger.getLogger(CheckpointFile.class.getName());

    @Inject
    LedgerSettings settings;

    /** Appends {@code checkpoint}; a failure is logged, never thrown: the checkpoint is committed and served either way. */
    public synchronized void append(CheckpointView checkpoint) {
        settings.file().ifPresent(file -> {
            try {
                Files.writeString(
                        Path.of(file),
                        LedgerJson.checkpointLine(checkpoint) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.DSYNC);
            } catch (IOException e) {
                LOG.log(
                        Level.SEVERE,
                        e,
                        () -> "Checkpoint of event " + checkpoint.seq() + " not written to " + file
                                + "; it is in the database and served at /api/audit/checkpoints");
            }
        });
    }
}
