package dev.tether.operations.telemetry;

import dev.tether.audit.syslog.SyslogPush;
import dev.tether.audit.syslog.SyslogStatus;
import dev.tether.platform.Periodic;
import dev.tether.platform.SchemaReady;
import dev.tether.streams.Leases;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gauges' figures that need the database: the running leases and the syslog push's lag,
 * sampled once per metric export interval on the server's managed scheduler. The exporter's own
 * thread is not the application's, and a query there would have neither its datasource nor its
 * transactions. Nothing is sampled while OpenTelemetry is off, so a server without a collector
 * queries nothing for it.
 */
@ApplicationScoped
public class DatabaseFigures {

    private static final Logger LOG = Logger.getLogger(DatabaseFigures.class.getName());

    /** The syslog push's lag, when a collector is configured. */
    record SyslogLag(long events, long seconds) {}

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Leases leases;

    @Inject
    SyslogPush syslog;

    // The same keys that switch the server's OpenTelemetry on and time its export (MicroProfile
    // Config sees the system properties and the environment that configure it).
    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    boolean disabled;

    @Inject
    @ConfigProperty(name = "otel.metric.export.interval", defaultValue = "60000")
    long intervalMillis;

    private volatile Periodic task = Periodic.none();
    private volatile OptionalLong runningLeases = OptionalLong.empty();
    private volatile Optional<SyslogLag> syslogLag = Optional.empty();

    void start(@Observes SchemaReady ready) {
        if (disabled) {
            return;
        }
        // A failed sample leaves the last figures; the next one tries again.
        task = Periodic.start(
                scheduler,
                Duration.ZERO,
                Duration.ofMillis(Math.max(500, intervalMillis)),
                LOG,
                "The telemetry gauges could not read the database",
                this::sample);
    }

    @PreDestroy
    void stop() {
        task.stop();
    }

    OptionalLong runningLeases() {
        return runningLeases;
    }

    Optional<SyslogLag> syslogLag() {
        return syslogLag;
    }

    private void sample() {
        runningLeases = OptionalLong.of(leases.countAllRunning(Instant.now()));
        SyslogStatus status = syslog.status();
        syslogLag = status.enabled()
                ? Optional.of(new SyslogLag(status.lagEvents(), status.lagSeconds()))
                : Optional.empty();
    }
}
