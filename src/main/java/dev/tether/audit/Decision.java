package dev.tether.audit;

import java.time.Instant;

/**
 * The audit facts of one use case, gathered as the use case learns them (who, on what device and
 * title, and the inputs of its decision in {@link #detail()}). Its outcome becomes one audit event:
 * {@link #granted} in the use case's own transaction, or, when a refusal ends it,
 * {@link #refused} through {@link RecordsRefusals}.
 */
public final class Decision {

    private final AuditType type;
    private final AuditDetail detail = AuditDetail.of();
    private Object user;
    private Object actor;
    private Object device;
    private Object content;
    private Object cookie;
    private String requestId;
    private String clientAddress;

    public Decision(AuditType type) {
        this.type = type;
    }

    /** A decision of another type about the same user, request, title and cookie, with a detail of its own. */
    public Decision about(AuditType otherType) {
        return new Decision(otherType)
                .user(user)
                .actor(actor)
                .content(content)
                .cookie(cookie)
                .request(requestId, clientAddress);
    }

    public AuditType type() {
        return type;
    }

    public Decision user(Object value) {
        this.user = value;
        return this;
    }

    public Decision actor(Object value) {
        this.actor = value;
        return this;
    }

    public Decision device(Object value) {
        this.device = value;
        return this;
    }

    public Decision content(Object value) {
        this.content = value;
        return this;
    }

    public Decision cookie(Object value) {
        this.cookie = value;
        return this;
    }

    public Decision request(String id, String address) {
        this.requestId = id;
        this.clientAddress = address;
        return this;
    }

    /** The inputs that decided it, to which the use case adds as it goes. */
    public AuditDetail detail() {
        return detail;
    }

    /** The grant, to which a token may still be added. */
    public AuditEvent.Builder granted(Instant now) {
        return facts(AuditEvent.granted(type, now));
    }

    public AuditEvent refused(String reasonCode, Instant now) {
        return facts(AuditEvent.refused(type, reasonCode, now)).build();
    }

    private AuditEvent.Builder facts(AuditEvent.Builder event) {
        return event.user(user)
                .actor(actor)
                .device(device)
                .content(content)
                .cookie(cookie)
                .request(requestId, clientAddress)
                .detail(detail.isEmpty() ? null : detail);
    }
}
