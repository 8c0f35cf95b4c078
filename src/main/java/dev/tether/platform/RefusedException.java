package dev.tether.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain refusal, thrown by the entity or service that checks the rule. {@code detail} is
 * written for the person who asked and never carries internal state; {@code notBefore}, when
 * present, says when the refused action becomes possible.
 */
public class RefusedException extends RuntimeException {

    private final transient Refusal reason;
    private final String detail;
    private final Instant notBefore;
    private boolean recorded;

    public RefusedException(Refusal reason, String detail) {
        this(reason, detail, null);
    }

    public RefusedException(Refusal reason, String detail, Instant notBefore) {
        super(Objects.requireNonNull(reason).name(), null, false, false);
        this.reason = reason;
        this.detail = detail;
        this.notBefore = notBefore;
    }

    public Refusal reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /** Notes that the refusal's audit event is written, so that the HTTP edge does not write a second. */
    public void markRecorded() {
        recorded = true;
    }

    /** Whether a use case's decision recorded this refusal already. */
    public boolean isRecorded() {
        return recorded;
    }
}
