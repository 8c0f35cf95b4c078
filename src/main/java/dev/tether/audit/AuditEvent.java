package dev.tether.audit;

import dev.tether.audit.ledger.LedgerHead;
import dev.tether.audit.ledger.LedgerRecord;
import dev.tether.platform.Jsonp;
import dev.tether.platform.RequestIds;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Objects;

/**
 * One decision, as it was taken. Append-only: every column is {@code updatable = false} and
 * nothing in Tether deletes an event. It holds a token's fingerprint, never the token URL. Its
 * place in the ledger ({@code seq}) and its link ({@code chainHash}) are set once, before it is
 * inserted; its times are kept to the microsecond, the precision the databases store and the
 * chain hashes.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private AuditType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(name = "reason_code", updatable = false)
    private String reasonCode;

    @Column(name = "user_id", updatable = false)
    private String userId;

    @Column(name = "device_id", updatable = false)
    private String deviceId;

    @Column(name = "content_id", updatable = false)
    private String contentId;

    @Column(name = "cookie", updatable = false)
    private String cookie;

    @Column(name = "token_fingerprint", updatable = false)
    private String tokenFingerprint;

    @Column(name = "token_expires_at", updatable = false)
    private Instant tokenExpiresAt;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    /** Who took the decision when it was not the user it is about (an admin). */
    @Column(name = "actor_id", updatable = false)
    private String actorId;

    /**
     * The inputs that decided it, and an admin's reason, as a JSON object (see {@link AuditDetail}),
     * with {@code httpRequestId}, the id of the HTTP request that took it ({@code X-Request-Id}),
     * when it was taken while serving one. The id lives in the detail rather than a column of its
     * own so that the ledger's canonical encoding, which hashes the detail, commits to it unchanged.
     */
    @Column(name = "detail", updatable = false)
    private String detail;

    /** Its place in the ledger's chain, from 1, without gaps. */
    @Column(name = "seq", nullable = false, updatable = false)
    private Long seq;

    /** Hex SHA-256 of the previous event's hash and this event's canonical encoding. */
    @Column(name = "chain_hash", nullable = false, updatable = false)
    private String chainHash;

    /** The detail's member that names the HTTP request. */
    public static final String HTTP_REQUEST_ID = "httpRequestId";

    protected AuditEvent() {}

    private AuditEvent(Builder b) {
        this.occurredAt = LedgerRecord.stored(Objects.requireNonNull(b.occurredAt));
        this.type = Objects.requireNonNull(b.type);
        this.outcome = Objects.requireNonNull(b.outcome);
        if (outcome == AuditOutcome.REFUSED && b.reasonCode == null) {
            throw new IllegalArgumentException("a refusal needs a reason code");
        }
        if (outcome == AuditOutcome.REFUSED && b.tokenFingerprint != null) {
            throw new IllegalArgumentException("a refusal issues no token");
        }
        this.reasonCode = b.reasonCode;
        this.userId = b.userId;
        this.deviceId = b.deviceId;
        this.contentId = b.contentId;
        this.cookie = b.cookie;
        this.tokenFingerprint = b.tokenFingerprint;
        this.tokenExpiresAt = LedgerRecord.stored(b.tokenExpiresAt);
        this.requestId = truncate(b.requestId, 64);
        this.clientAddress = truncate(b.clientAddress, 64);
        this.actorId = b.actorId;
        this.detail = b.detail;
        if (detail != null && detail.length() > AuditDetail.MAX_LENGTH) {
            throw new IllegalArgumentException("an audit detail is at most " + AuditDetail.MAX_LENGTH + " characters");
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public static Builder granted(AuditType type, Instant at) {
        return new Builder(type, AuditOutcome.GRANTED, at);
    }

    public static Builder refused(AuditType type, String reasonCode, Instant at) {
        return new Builder(type, AuditOutcome.REFUSED, at).reason(reasonCode);
    }

    /** The fields the chain commits to, as they would be at {@code seq}. */
    public LedgerRecord ledgerRecord(long seq) {
        return new LedgerRecord(
                seq,
                occurredAt,
                type.name(),
                outcome.name(),
                reasonCode,
                userId,
                deviceId,
                contentId,
                cookie,
                tokenFingerprint,
                tokenExpiresAt,
                requestId,
                clientAddress,
                actorId,
                detail);
    }

    /** Takes its place in the chain; once only. */
    void chain(LedgerHead.Link link) {
        if (seq != null) {
            throw new IllegalStateException("event already chained at " + seq);
        }
        this.seq = link.seq();
        this.chainHash = link.hash();
    }

    public Long seq() {
        return seq;
    }

    public String chainHash() {
        return chainHash;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditType type() {
        return type;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String contentId() {
        return contentId;
    }

    public String cookie() {
        return cookie;
    }

    public String tokenFingerprint() {
        return tokenFingerprint;
    }

    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public String requestId() {
        return requestId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String actorId() {
        return actorId;
    }

    public String detail() {
        return detail;
    }

    /** Collects an event's facts; the many optional columns make a constructor unreadable. */
    public static final class Builder {
        private final AuditType type;
        private final AuditOutcome outcome;
        private final Instant occurredAt;
        private String reasonCode;
        private String userId;
        private String deviceId;
        private String contentId;
        private String cookie;
        private String tokenFingerprint;
        private Instant tokenExpiresAt;
        private String requestId;
        private String clientAddress;
        private String actorId;
        private String detail;

        private Builder(AuditType type, AuditOutcome outcome, Instant occurredAt) {
            this.type = type;
            this.outcome = outcome;
            this.occurredAt = occurredAt;
        }

        public Builder reason(String code) {
            this.reasonCode = code;
            return this;
        }

        public Builder user(Object user) {
            this.userId = text(user);
            return this;
        }

        public Builder device(Object device) {
            this.deviceId = text(device);
            return this;
        }

        public Builder content(Object content) {
            this.contentId = text(content);
            return this;
        }

        public Builder cookie(Object cookie) {
            this.cookie = text(cookie);
            return this;
        }

        public Builder request(String requestId, String clientAddress) {
            this.requestId = requestId;
            this.clientAddress = clientAddress;
            return this;
        }

        public Builder actor(Object actor) {
            this.actorId = text(actor);
            return this;
        }

        public Builder detail(AuditDetail detail) {
            this.detail = detail == null ? null : detail.toJson();
            return this;
        }

        /** Records the token by fingerprint only. */
        public Builder token(String tokenUrl, Instant expiresAt) {
            this.tokenFingerprint = TokenFingerprint.of(tokenUrl);
            this.tokenExpiresAt = expiresAt;
            return this;
        }

        /** The event; one taken while serving an HTTP request carries that request's id in its detail. */
        public AuditEvent build() {
            RequestIds.current().ifPresent(this::httpRequest);
            return new AuditEvent(this);
        }

        /** Adds the request id unless the detail already names one, or would outgrow its column. */
        private void httpRequest(String id) {
            JsonObject known;
            if (detail == null) {
                known = JsonObject.EMPTY_JSON_OBJECT;
            } else {
                try (JsonReader reader = Jsonp.provider().createReader(new StringReader(detail))) {
                    known = reader.readObject();
                }
            }
            if (known.containsKey(HTTP_REQUEST_ID)) {
                return;
            }
            String merged = Jsonp.provider()
                    .createObjectBuilder(known)
                    .add(HTTP_REQUEST_ID, id)
                    .build()
                    .toString();
            if (merged.length() <= AuditDetail.MAX_LENGTH) {
                detail = merged;
            }
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
