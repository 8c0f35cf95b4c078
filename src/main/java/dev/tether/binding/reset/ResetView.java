package dev.tether.binding.reset;

import java.time.Instant;

/** A two-person reset request as admins see it. */
public record ResetView(
        long id,
        String userId,
        ResetStatus status,
        String requestedBy,
        String reason,
        Instant requestedAt,
        Instant expiresAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        Integer devicesReset) {

    static ResetView of(DeviceResetRequest r, Instant now) {
        return new ResetView(
                r.id(),
                r.user().value(),
                r.status(now),
                r.requestedBy(),
                r.reason(),
                r.requestedAt(),
                r.expiresAt(),
                r.decidedBy(),
                r.decidedAt(),
                r.decisionReason(),
                r.devicesReset());
    }
}
