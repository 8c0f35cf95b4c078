package dev.tether.expressplay;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One event of ExpressPlay's transaction history, as record retrieval returns it. The field names
 * are assumed (DOMAIN.md): this record is the one place to correct them.
 */
public record TransactionRecord(
        @JsonbProperty("eventId") String eventId,
        @JsonbProperty("time") String time,
        @JsonbProperty("cookie") String cookie,
        @JsonbProperty("eventType") String eventType,
        @JsonbProperty("deviceId") String deviceId) {}
