package dev.tether.platform;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task run on the server's managed scheduler with a fixed delay between runs, until
 * {@link #stop}. A failed run is logged and the schedule goes on, so that a database away for a
 * moment does not end it: the next run tries again. The timers of the audit trail, the stream
 * leases and the telemetry gauges all run this way.
 */
public final class Periodic {

    private static final Periodic NONE = new Periodic(null);

    private final ScheduledFuture<?> future;

    private Periodic(ScheduledFuture<?> future) {
        this.future = future;
    }

    /** A schedule that was never started (a bean whose feature is off): stopping it does nothing. */
    public static Periodic none() {
        return NONE;
    }

    /**
     * Runs {@code task} after {@code first}, then every {@code every} after each run ends; a run that
     * throws is logged to {@code log} as a warning with {@code failure}.
     */
    public static Periodic start(
            ManagedScheduledExecutorService scheduler,
            Duration first,
            Duration every,
            Logger log,
            String failure,
            Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, failure, e);
            }
        };
        return new Periodic(
                scheduler.scheduleWithFixedDelay(guarded, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Cancels the schedule, letting a run in progress finish; true if it had been started. */
    public boolean stop() {
        if (future == null) {
            return false;
        }
        future.cancel(false);
        return true;
    }
}
