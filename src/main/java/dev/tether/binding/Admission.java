package dev.tether.binding;

/**
 * Whether a user's device may have a token, and the counts that decided it (for the audit trail).
 * {@code newDevice}: the device took a free slot (first binding or re-registration after removal).
 * A device that already holds a slot is admitted without counting: the counts are
 * {@link #UNCOUNTED}, which keeps two queries off every repeated play.
 */
public record Admission(Outcome outcome, long activeDevices, int limit, boolean newDevice) {

    public static final int UNCOUNTED = -1;

    /** An active device of the user: it holds its slot already. */
    public static Admission knownDevice() {
        return new Admission(Outcome.ADMITTED, UNCOUNTED, UNCOUNTED, false);
    }

    public boolean counted() {
        return activeDevices != UNCOUNTED;
    }

    public enum Outcome {
        ADMITTED,
        LIMIT_REACHED,
        REVOKED
    }
}
