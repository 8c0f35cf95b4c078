package dev.tether.audit.ledger;

import dev.tether.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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

    private volatile ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        long every = Math.max(1000, Math.min(60_000, settings.every().toMillis() / LOOKS_PER_PERIOD));
        task = scheduler.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void look() {
        try {
            ledger.checkpointIfDue();
        } catch (RuntimeException e) {
            // The schedule must outlive a failed look (a database away for a moment): the next one tries again.
            LOG.log(Level.WARNING, "The periodic checkpoint failed; the next look tries again", e);
        }
    }
}
