package dev.tether.audit;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** An audit event as the auditor's API shows it; {@code detail} is the structured inputs of the decision. */
public record AuditEventView(
        long id,
        Instant occurredAt,
        AuditType type,
        AuditOutcome outcome,
        String reasonCode,
        String userId,
        String deviceId,
        String contentId,
        String cookie,
        String tokenFingerprint,
        Instant tokenExpiresAt,
        String requestId,
        String clientAddress,
        String actorId,
        JsonObject detail) {

    /** The stored detail column as the JSON object it holds, or null. */
    static JsonObject detail(String stored) {
        return stored == null
                ? null
                : Jsonp.provider().createReader(new StringReader(stored)).readObject();
    }
}
