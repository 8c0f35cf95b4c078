/**
 * OpenTelemetry metrics of Tether, the same on every server (MicroProfile Telemetry 2.x; README,
 * "Metrics and traces"): instruments that observe the counters the capabilities already keep
 * (ExpressPlay's, the streams', the syslog push's lag), a counter of the audit trail's committed
 * decisions, and one of requests. Traces need no code: the servers trace JAX-RS requests and
 * MicroProfile REST client calls by themselves. Nothing is exported until the server's
 * OpenTelemetry is switched on; until then the injected {@code Meter} does nothing.
 */
package dev.tether.operations.telemetry;
