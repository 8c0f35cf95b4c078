package dev.tether.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** An audit event as the auditor's API shows it; {@code detail} is the structured inputs of the decision. */
public record AuditEventView(long id, Instant occurredAt, AuditType type, AuditOutcome outcome, String reasonCode,
                             String userId, String deviceId, String contentId, String cookie,
                             String tokenFingerprint, Instant tokenExpiresAt, String requestId,
                             String clientAddress, String actorId, JsonObject detail) {

    static AuditEventView of(AuditEvent e) {
        JsonObject detail = e.detail() == null ? null : Json.createReader(new StringReader(e.detail())).readObject();
        return new AuditEventView(e.id(), e.occurredAt(), e.type(), e.outcome(), e.reasonCode(), e.userId(),
                e.deviceId(), e.contentId(), e.cookie(), e.tokenFingerprint(), e.tokenExpiresAt(), e.requestId(),
                e.clientAddress(), e.actorId(), detail);
    }
}
