package dev.tether.binding;

/**
 * Whether a user's device may have a token, and the counts that decided it (for the audit trail).
 * {@code newDevice}: the device took a free slot (first binding or re-registration after removal).
 */
public record Admission(Outcome outcome, long activeDevices, int limit, boolean newDevice) {

    public enum Outcome {
        ADMITTED,
        LIMIT_REACHED,
        REVOKED
    }

    public boolean admitted() {
        return outcome == Outcome.ADMITTED;
    }
}
