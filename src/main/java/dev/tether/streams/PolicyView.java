package dev.tether.streams;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A stream policy override as admins see it; interval (seconds) and grace are null where the default's apply. */
@JsonbPropertyOrder({"subject", "maxStreams", "mode", "heartbeatInterval", "grace", "updatedAt", "updatedBy"})
public record PolicyView(
        String subject,
        int maxStreams,
        String mode,
        Long heartbeatInterval,
        Integer grace,
        Instant updatedAt,
        String updatedBy) {

    static PolicyView of(PolicyOverride o) {
        return new PolicyView(
                o.subject(),
                o.maxStreams(),
                o.mode().text(),
                o.heartbeatInterval().map(d -> d.toSeconds()).orElse(null),
                o.grace().orElse(null),
                o.updatedAt(),
                o.updatedBy());
    }
}
