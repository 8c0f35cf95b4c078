package dev.tether.audit.syslog;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * How far the collector lags behind the trail: events appended but not yet confirmed, and how
 * long the oldest of them has waited ({@code lagSeconds}, 0 when none waits), with the last
 * delivery and the last failure. {@code collector} names the endpoint, never a credential.
 */
@JsonbPropertyOrder({
    "enabled",
    "collector",
    "headSeq",
    "deliveredSeq",
    "deliveredCheckpointSeq",
    "lagEvents",
    "lagSeconds",
    "oldestUndeliveredAt",
    "lastDeliveredAt",
    "lastError",
    "lastErrorAt"
})
public record SyslogStatus(
        boolean enabled,
        String collector,
        long headSeq,
        long deliveredSeq,
        long deliveredCheckpointSeq,
        long lagEvents,
        long lagSeconds,
        Instant oldestUndeliveredAt,
        Instant lastDeliveredAt,
        String lastError,
        Instant lastErrorAt) {}
