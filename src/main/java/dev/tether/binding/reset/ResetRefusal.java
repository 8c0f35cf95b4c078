package dev.tether.binding.reset;

import dev.tether.platform.Refusal;

/**
 * Why the two-person reset refuses a step. The name is the audit trail's reason code; the slug
 * names the problem type of Tether's API.
 */
public enum ResetRefusal implements Refusal {
    /** There is no reset request with the id asked for. */
    UNKNOWN_RESET_REQUEST(Kind.NOT_FOUND, "unknown-reset-request"),
    /** The requested validity is not an ISO-8601 duration, or not within the configured lifetime. */
    INVALID_VALIDITY(Kind.INVALID, "invalid-request"),
    /** The user has a request waiting for a second admin already. */
    RESET_ALREADY_OPEN(Kind.CONFLICT, "reset-already-open"),
    /** The admin who requested it cannot decide it. */
    SAME_ADMIN(Kind.FORBIDDEN, "two-person-rule"),
    /** Its time ran out. */
    EXPIRED(Kind.CONFLICT, "reset-expired"),
    /** Another admin decided it already. */
    ALREADY_DECIDED(Kind.CONFLICT, "reset-decided");

    private final Kind kind;
    private final String slug;

    ResetRefusal(Kind kind, String slug) {
        this.kind = kind;
        this.slug = slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String slug() {
        return slug;
    }
}
