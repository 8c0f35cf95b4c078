package dev.tether.operations.telemetry;

import static dev.tether.operations.telemetry.TelemetryNames.BUSY;
import static dev.tether.operations.telemetry.TelemetryNames.DECISIONS;
import static dev.tether.operations.telemetry.TelemetryNames.ENDPOINT;
import static dev.tether.operations.telemetry.TelemetryNames.EXPRESSPLAY_ATTEMPTS;
import static dev.tether.operations.telemetry.TelemetryNames.EXPRESSPLAY_CALLS;
import static dev.tether.operations.telemetry.TelemetryNames.EXPRESSPLAY_CIRCUIT_OPEN;
import static dev.tether.operations.telemetry.TelemetryNames.EXPRESSPLAY_IN_FLIGHT;
import static dev.tether.operations.telemetry.TelemetryNames.LIMIT;
import static dev.tether.operations.telemetry.TelemetryNames.NO_REASON;
import static dev.tether.operations.telemetry.TelemetryNames.OUTCOME;
import static dev.tether.operations.telemetry.TelemetryNames.REASON;
import static dev.tether.operations.telemetry.TelemetryNames.STREAMS_HEARTBEATS;
import static dev.tether.operations.telemetry.TelemetryNames.STREAMS_REFUSALS;
import static dev.tether.operations.telemetry.TelemetryNames.STREAMS_RUNNING;
import static dev.tether.operations.telemetry.TelemetryNames.STREAMS_STOP_OLDEST;
import static dev.tether.operations.telemetry.TelemetryNames.SYSLOG_LAG_EVENTS;
import static dev.tether.operations.telemetry.TelemetryNames.SYSLOG_LAG_SECONDS;
import static dev.tether.operations.telemetry.TelemetryNames.TYPE;

import dev.tether.audit.AuditRecorded;
import dev.tether.expressplay.ExpressPlayStats;
import dev.tether.expressplay.ExpressPlayStats.Endpoint;
import dev.tether.platform.Saturation;
import dev.tether.platform.SchemaReady;
import dev.tether.streams.StreamStats;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tether's instruments. The observable ones read the counters that ExpressPlay's gateway and the
 * streams keep anyway, when the exporter asks (once per export interval), so the capabilities count
 * nothing twice; the figures that need the database (running leases, the syslog lag) come from
 * {@link DatabaseFigures}, sampled on the server's scheduler. Decisions are counted once their
 * transaction committed: a rolled-back event was never on the trail.
 */
@ApplicationScoped
public class TetherMetrics {

    private static final Logger LOG = Logger.getLogger(TetherMetrics.class.getName());

    @Inject
    Meter meter;

    @Inject
    ExpressPlayStats expressPlay;

    @Inject
    StreamStats streams;

    @Inject
    DatabaseFigures database;

    private final List<AutoCloseable> observers = new ArrayList<>();

    private volatile LongCounter decisions;

    void start(@Observes SchemaReady ready) {
        decisions = meter.counterBuilder(DECISIONS)
                .setDescription("Decisions on the audit trail (committed events), by type, outcome and reason")
                .setUnit("{decision}")
                .build();
        observers.add(meter.counterBuilder(EXPRESSPLAY_CALLS)
                .setDescription("Calls to ExpressPlay through the gateway, by endpoint and how they ended")
                .setUnit("{call}")
                .buildWithCallback(m -> expressPlay
                        .snapshot()
                        .forEach((endpoint, s) -> s.outcomes()
                                .forEach((outcome, count) -> m.record(
                                        count, Attributes.of(ENDPOINT, endpoint.name(), OUTCOME, outcome.name()))))));
        observers.add(meter.counterBuilder(EXPRESSPLAY_ATTEMPTS)
                .setDescription("Attempts that left for ExpressPlay, retries included")
                .setUnit("{attempt}")
                .buildWithCallback(m -> expressPlay
                        .snapshot()
                        .forEach((endpoint, s) -> m.record(s.attempts(), Attributes.of(ENDPOINT, endpoint.name())))));
        observers.add(meter.upDownCounterBuilder(EXPRESSPLAY_IN_FLIGHT)
                .setDescription("Calls to ExpressPlay not yet ended (running, waiting for the bulkhead, retrying)")
                .setUnit("{call}")
                .buildWithCallback(m -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        m.record(expressPlay.inFlight(endpoint), Attributes.of(ENDPOINT, endpoint.name()));
                    }
                }));
        observers.add(meter.gaugeBuilder(EXPRESSPLAY_CIRCUIT_OPEN)
                .ofLongs()
                .setDescription("1 while the endpoint's last call was stopped by its open circuit, else 0")
                .setUnit("1")
                .buildWithCallback(m -> {
                    for (Endpoint endpoint : Endpoint.values()) {
                        m.record(expressPlay.circuitOpen(endpoint) ? 1 : 0, Attributes.of(ENDPOINT, endpoint.name()));
                    }
                }));
        observers.add(meter.counterBuilder(BUSY)
                .setDescription("Requests refused because one of Tether's own limits was full, by limit")
                .setUnit("{request}")
                .buildWithCallback(m -> {
                    for (Saturation.Limit limit : Saturation.Limit.values()) {
                        m.record(Saturation.refusedSoFar(limit), Attributes.of(LIMIT, limit.slug()));
                    }
                }));
        observers.add(meter.counterBuilder(STREAMS_HEARTBEATS)
                .setDescription("Stream heartbeats accepted by this instance")
                .setUnit("{heartbeat}")
                .buildWithCallback(m -> m.record(streams.heartbeats())));
        observers.add(meter.counterBuilder(STREAMS_REFUSALS)
                .setDescription("Stream starts refused over the concurrent-stream limit by this instance")
                .setUnit("{refusal}")
                .buildWithCallback(m -> m.record(streams.refusals())));
        observers.add(meter.counterBuilder(STREAMS_STOP_OLDEST)
                .setDescription("Leases ended by this instance to make room under stop-oldest")
                .setUnit("{lease}")
                .buildWithCallback(m -> m.record(streams.stopOldestEndings())));
        observers.add(meter.gaugeBuilder(STREAMS_RUNNING)
                .ofLongs()
                .setDescription("Running stream leases, across instances (sampled from the database)")
                .setUnit("{lease}")
                .buildWithCallback(m -> database.runningLeases().ifPresent(m::record)));
        observers.add(meter.gaugeBuilder(SYSLOG_LAG_EVENTS)
                .ofLongs()
                .setDescription("Audit events appended but not yet confirmed by the syslog collector")
                .setUnit("{event}")
                .buildWithCallback(m -> database.syslogLag().ifPresent(lag -> m.record(lag.events()))));
        observers.add(meter.gaugeBuilder(SYSLOG_LAG_SECONDS)
                .ofLongs()
                .setDescription("How long the oldest event not yet confirmed by the syslog collector has waited")
                .setUnit("s")
                .buildWithCallback(m -> database.syslogLag().ifPresent(lag -> m.record(lag.seconds()))));
    }

    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        LongCounter counter = decisions;
        if (counter != null) {
            counter.add(
                    1,
                    Attributes.of(
                            TYPE,
                            event.type().name(),
                            OUTCOME,
                            event.outcome().name(),
                            REASON,
                            event.reasonCode() == null ? NO_REASON : event.reasonCode()));
        }
    }

    /** The server's meter outlives a redeployment: callbacks into this one's beans must go with it. */
    @PreDestroy
    void stop() {
        for (AutoCloseable observer : observers) {
            try {
                observer.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "An instrument's callback was not removed", e);
            }
        }
        observers.clear();
    }
}
