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
}
