package dev.tether.streams;

import dev.tether.platform.Periodic;
import dev.tether.platform.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes stopped leases older than the retention on a schedule, on every node: the delete touches
 * only rows no decision reads, so two nodes' runs never conflict and no node is special. The first
 * run comes a minute after start, so that nodes restarted more often than the period still purge;
 * a lease stays at most one period longer than the retention.
 */
@ApplicationScoped
public class LeasePurge {

    private static final Logger LOG = Logger.getLogger(LeasePurge.class.getName());

    /** Runs per retention, bounded to once a minute and once an hour. */
    private static final int RUNS_PER_RETENTION = 24;

    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Streams streams;

    @Inject
    StreamSettings settings;

    private volatile Periodic task = Periodic.none();

    void start(@Observes SchemaReady ready) {
        task = Periodic.start(
                scheduler,
                FIRST_RUN,
                period(settings.retention()),
                LOG,
                "The purge of stopped leases failed; the next run tries again",
                this::run);
    }

    static Duration period(Duration retention) {
        Duration share = retention.dividedBy(RUNS_PER_RETENTION);
        Duration minute = Duration.ofMinutes(1);
        Duration hour = Duration.ofHours(1);
        return share.compareTo(minute) < 0 ? minute : share.compareTo(hour) > 0 ? hour : share;
    }

    @PreDestroy
    void stop() {
        task.stop();
    }

    private void run() {
        int deleted = streams.purgeStopped(Instant.now());
        LOG.log(Level.FINE, "Deleted {0} stopped leases past the retention", deleted);
    }
}
