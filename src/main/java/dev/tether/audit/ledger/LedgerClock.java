package dev.tether.audit.ledger;

import dev.tether.platform.Periodic;
import dev.tether.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Takes the "every T" checkpoint of a quiet trail on time: on every node, a few times per T, a
 * look at the head ({@link Ledger#checkpointIfDue}). The head's lock makes two nodes' timers take
 * one checkpoint, not two, so no node is special.
 */
@ApplicationScoped
public class LedgerClock {

    private static final Logger LOG = Logger.getLogger(LedgerClock.class.getName());

    /** Looks per T: a checkpoint is taken at most T / 4 late. */
    private static final int LOOKS_PER_PERIOD = 4;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Ledger ledger;

    @Inject
    LedgerSettings settings;

    private volatile Periodic task = Periodic.none();

    void start(@Observes SchemaReady ready) {
        Duration every = Duration.ofMillis(
                Math.max(1000, Math.min(60_000, settings.every().toMillis() / LOOKS_PER_PERIOD)));
        task = Periodic.start(
                scheduler,
                every,
                every,
                LOG,
                "The periodic checkpoint failed; the next look tries again",
                ledger::checkpointIfDue);
    }

    @PreDestroy
    void stop() {
        task.stop();
    }
}
