package dev.tether.binding.reset;

import dev.tether.platform.Refusal;

/**
 * Why the two-person reset refuses a step. The name is the audit trail's reason code; the slug
 * names the problem type of Tether's API.
 */
public enum ResetRefusal implements Refusal {
    /** There is no reset request with the id asked for. */
    UNKNOWN_RESET_REQUEST,
    /** The requested validity is not an ISO-8601 duration, or not within the configured lifetime. */
    INVALID_VALIDITY,
    /** The user has a request waiting for a second admin already. */
    RESET_ALREADY_OPEN,
    /** The admin who requested it cannot decide it. */
    SAME_ADMIN,
    /** Its time ran out. */
    EXPIRED,
    /** Another admin decided it already. */
    ALREADY_DECIDED;

    @Override
    public Kind kind() {
        return switch (this) {
            case UNKNOWN_RESET_REQUEST -> Kind.NOT_FOUND;
            case INVALID_VALIDITY -> Kind.INVALID;
            case SAME_ADMIN -> Kind.FORBIDDEN;
            default -> Kind.CONFLICT;
        };
    }

    /** The problem types that predate these reason codes keep their names. */
    @Override
    public String slug() {
        return switch (this) {
            case INVALID_VALIDITY -> "invalid-request";
            case SAME_ADMIN -> "two-person-rule";
            case EXPIRED -> "reset-expired";
            case ALREADY_DECIDED -> "reset-decided";
            default -> Refusal.super.slug();
        };
    }
}
