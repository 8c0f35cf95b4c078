package dev.tether.audit.syslog;

import dev.tether.audit.LedgerRows;
import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.Ledger;
import dev.tether.audit.ledger.LedgerJson;
import dev.tether.platform.Periodic;
import dev.tether.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes the trail to the configured collector: on every node, every {@code interval}, the node
 * that claims the cursor sends the events after it (and the checkpoints up to the last of them)
 * in batches, and advances it once the collector confirmed each batch. A collector that is down
 * is tried again every {@code retry}; nothing is lost meanwhile, as the trail is the outbox. An
 * outage is logged once when it begins and once when it ends, not at every try.
 */
@ApplicationScoped
public class SyslogPush {

    private static final Logger LOG = Logger.getLogger(SyslogPush.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SyslogSettings settings;

    @Inject
    SyslogOutbox outbox;

    @Inject
    LedgerRows rows;

    @Inject
    Ledger ledger;

    /** This deployment's name in a claim: a restarted node is a new one, and waits for its old claim's lease. */
    private final String node = UUID.randomUUID().toString();

    private volatile Periodic task = Periodic.none();
    private volatile Instant notBefore = Instant.EPOCH;
    private volatile boolean failing;

    void start(@Observes SchemaReady ready) {
        Optional<SyslogSettings.Collector> collector = settings.collector();
        if (collector.isEmpty()) {
            return;
        }
        Duration every = Duration.ofMillis(Math.max(100, settings.interval().toMillis()));
        task = Periodic.start(
                scheduler,
                every,
                every,
                LOG,
                "The syslog push failed before sending; it tries again",
                () -> tick(collector.get()));
        LOG.info(() -> "Pushing the audit trail to " + collector.get() + " as RFC 5424 syslog");
    }

    @PreDestroy
    void stop() {
        if (task.stop()) {
            try {
                outbox.release(node);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The push's claim was not released; it runs out by itself", e);
            }
        }
    }

    private void tick(SyslogSettings.Collector collector) {
        if (Instant.now().isBefore(notBefore)) {
            return;
        }
        drain(collector);
    }

    /** Sends batches until the collector has everything committed, another node holds the cursor, or a send fails. */
    private void drain(SyslogSettings.Collector collector) {
        Duration lease = settings.timeout().multipliedBy(3);
        while (true) {
            Optional<SyslogCursor.Claim> claimed = outbox.claim(node, Instant.now(), lease);
            if (claimed.isEmpty()) {
                return;
            }
            SyslogCursor.Claim claim = claimed.get();
            long head = ledger.head().seq();
            List<LedgerRows.Row> events = claim.deliveredSeq() < head
                    ? rows.between(claim.deliveredSeq() + 1, head, settings.batch())
                    : List.of();
            long lastSeq = events.isEmpty()
                    ? claim.deliveredSeq()
                    : events.get(events.size() - 1).seq();
            List<CheckpointView> checkpoints =
                    ledger.checkpoints(claim.deliveredCheckpointSeq() + 1, lastSeq, settings.batch());
            if (events.isEmpty() && checkpoints.isEmpty()) {
                outbox.release(node);
                return;
            }
            long lastCheckpoint = checkpoints.isEmpty()
                    ? claim.deliveredCheckpointSeq()
                    : checkpoints.get(checkpoints.size() - 1).seq();
            try {
                SyslogCollector.send(collector, messages(events, checkpoints), settings.timeout());
            } catch (IOException e) {
                outbox.failed(node, e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now());
                notBefore = Instant.now().plus(settings.retry());
                if (!failing) {
                    failing = true;
                    LOG.log(
                            Level.WARNING,
                            "The syslog collector " + collector + " did not take the audit trail; trying again every "
                                    + settings.retry() + ", nothing is lost meanwhile: " + e);
                }
                return;
            }
            outbox.delivered(node, lastSeq, lastCheckpoint, Instant.now());
            if (failing) {
                failing = false;
                LOG.info(() -> "The syslog collector " + collector + " takes the audit trail again");
            }
            if (events.size() < settings.batch() && checkpoints.size() < settings.batch()) {
                outbox.release(node);
                return;
            }
        }
    }

    /** The batch in chain order: each checkpoint right after the event it signs. */
    private List<byte[]> messages(List<LedgerRows.Row> events, List<CheckpointView> checkpoints) {
        String hostname = settings.hostname();
        List<byte[]> messages = new ArrayList<>(events.size() + checkpoints.size());
        int next = 0;
        for (LedgerRows.Row row : events) {
            while (next < checkpoints.size() && checkpoints.get(next).seq() < row.seq()) {
                messages.add(checkpoint(checkpoints.get(next++), hostname));
            }
            messages.add(SyslogFormat.frame(
                    SyslogFormat.EVENT,
                    row.entry().record().occurredAt(),
                    hostname,
                    LedgerJson.eventLine(
                            row.id(), row.entry().record(), row.entry().hash())));
        }
        while (next < checkpoints.size()) {
            messages.add(checkpoint(checkpoints.get(next++), hostname));
        }
        return messages;
    }

    private static byte[] checkpoint(CheckpointView checkpoint, String hostname) {
        return SyslogFormat.frame(
                SyslogFormat.CHECKPOINT, checkpoint.time(), hostname, LedgerJson.checkpointLine(checkpoint));
    }

    /** The lag as of now. */
    public SyslogStatus status() {
        SyslogCursor cursor = outbox.read();
        long head = ledger.head().seq();
        long lag = Math.max(0, head - cursor.deliveredSeq());
        Instant oldest = lag == 0
                ? null
                : rows.between(cursor.deliveredSeq() + 1, cursor.deliveredSeq() + 1, 1).stream()
                        .findFirst()
                        .map(row -> row.entry().record().occurredAt())
                        .orElse(null);
        long lagSeconds = oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds());
        return new SyslogStatus(
                settings.collector().isPresent(),
                settings.collector().map(Object::toString).orElse(null),
                head,
                cursor.deliveredSeq(),
                cursor.deliveredCheckpointSeq(),
                lag,
                lagSeconds,
                oldest,
                cursor.deliveredAt(),
                cursor.lastError(),
                cursor.lastErrorAt());
    }
}
