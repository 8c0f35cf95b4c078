package dev.tether.audit;

import java.time.Instant;

/** An audit event as the auditor's API shows it. */
public record AuditEventView(long id, Instant occurredAt, AuditType type, AuditOutcome outcome, String reasonCode,
                             String userId, String deviceId, String contentId, String cookie,
                             String tokenFingerprint, Instant tokenExpiresAt, String requestId,
                             String clientAddress) {
}
