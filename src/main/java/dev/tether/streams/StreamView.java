package dev.tether.streams;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A running stream as its user and admins see it; no device for a time-based token, no label for an unnamed device. */
@JsonbPropertyOrder({"id", "contentId", "deviceId", "deviceLabel", "startedAt", "renewedAt", "expiresAt"})
public record StreamView(
        String id,
        String contentId,
        String deviceId,
        String deviceLabel,
        Instant startedAt,
        Instant renewedAt,
        Instant expiresAt) {

    static StreamView of(Lease lease, String label) {
        return new StreamView(
                lease.id(),
                lease.content().value(),
                lease.device().map(d -> d.value()).orElse(null),
                label,
                lease.startedAt(),
                lease.renewedAt(),
                lease.expiresAt());
    }
}
