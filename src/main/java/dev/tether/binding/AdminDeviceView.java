package dev.tether.binding;

import java.time.Instant;

/** A device as an admin sees it: with its removal and revocation. */
public record AdminDeviceView(
        long id,
        String userId,
        String deviceId,
        String label,
        DeviceStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        String lastContentId,
        Instant removedAt,
        Instant revokedAt,
        String revokedBy,
        String revokeReason) {

    static AdminDeviceView of(Device d) {
        return new AdminDeviceView(
                d.id(),
                d.user().value(),
                d.deviceId().value(),
                d.label().orElse(null),
                d.status(),
                d.firstBoundAt(),
                d.lastSeenAt(),
                d.lastContentId().orElse(null),
                d.removedAt(),
                d.revokedAt(),
                d.revokedBy(),
                d.revokeReason());
    }
}
