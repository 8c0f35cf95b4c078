package dev.tether.binding;

import java.time.Instant;

/** A device as its user sees it. {@code id} is Tether's, for the self-service API's URLs. */
public record DeviceView(
        long id,
        String deviceId,
        String label,
        DeviceStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        String lastContentId) {

    static DeviceView of(Device d) {
        return new DeviceView(
                d.id(),
                d.deviceId().value(),
                d.label().orElse(null),
                d.status(),
                d.firstBoundAt(),
                d.lastSeenAt(),
                d.lastContentId().orElse(null));
    }
}
