package dev.tether.audit;

import dev.tether.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Who reads the audit trail is audited: each search, export, report and verification is an event
 * of its own, whose actor is the auditor and whose detail holds the filters. It is committed before
 * the answer is written, so a read the client abandons is on record too. Its user is left empty:
 * the read is about no subscriber, and a user's trail shows only what concerns them.
 */
@RequestScoped
public class AuditReads {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentUser auditor;

    public void record(AuditType type, AuditDetail detail) {
        trail.commit(AuditEvent.granted(type, Instant.now())
                .actor(auditor.id())
                .detail(detail.isEmpty() ? null : detail)
                .build());
    }
}
