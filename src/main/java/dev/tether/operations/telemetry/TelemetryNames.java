package dev.tether.operations.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/** The instruments' names and attribute keys, as the README's table lists them. */
final class TelemetryNames {

    static final String SCOPE = "dev.tether";

    static final String REQUESTS = "tether.requests";
    static final String REQUEST_DURATION = "tether.request.duration";
    static final String DECISIONS = "tether.decisions";
    static final String EXPRESSPLAY_CALLS = "tether.expressplay.calls";
    static final String EXPRESSPLAY_ATTEMPTS = "tether.expressplay.attempts";
    static final String EXPRESSPLAY_IN_FLIGHT = "tether.expressplay.in_flight";
    static final String EXPRESSPLAY_CIRCUIT_OPEN = "tether.expressplay.circuit.open";
    static final String STREAMS_RUNNING = "tether.streams.running";
    static final String STREAMS_HEARTBEATS = "tether.streams.heartbeats";
    static final String STREAMS_REFUSALS = "tether.streams.refusals";
    static final String STREAMS_STOP_OLDEST = "tether.streams.stop_oldest_endings";
    static final String SYSLOG_LAG_EVENTS = "tether.audit.syslog.lag.events";
    static final String SYSLOG_LAG_SECONDS = "tether.audit.syslog.lag.seconds";
    static final String BUSY = "tether.busy";

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> AREA = AttributeKey.stringKey("area");
    static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("endpoint");
    static final AttributeKey<String> LIMIT = AttributeKey.stringKey("limit");

    /** The reason of a granted decision, which has none: an attribute has a value or is absent. */
    static final String NO_REASON = "none";

    private TelemetryNames() {}
}
