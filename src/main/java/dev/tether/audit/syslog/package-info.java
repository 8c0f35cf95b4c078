/**
 * The audit trail pushed to a SIEM as RFC 5424 syslog over TCP or TLS: every event and checkpoint,
 * in chain order, at least once, across restarts and collector outages. The trail is its own
 * outbox; {@link dev.tether.audit.syslog.SyslogCursor} records how far the collector confirmed it.
 */
package dev.tether.audit.syslog;
