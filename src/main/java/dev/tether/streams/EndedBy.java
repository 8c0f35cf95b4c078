package dev.tether.streams;

import java.util.Locale;

/** Why a lease stopped running. */
public enum EndedBy {
    /** Its user stopped it (DELETE /api/streams/{id}). */
    USER,
    /** A newer stream of the user's took its place under the stop-oldest mode. */
    STOP_OLDEST,
    /** An admin ended it. */
    ADMIN,
    /** An admin revoked the device it plays on. */
    REVOCATION,
    /** Its user removed the device it plays on. */
    DEVICE_REMOVED,
    /** A two-person reset removed the user's devices. */
    RESET,
    /** The company's directory ended the user's access (SCIM deprovisioning or deletion). */
    DEPROVISIONED,
    /** Its player stopped renewing it: noticed (and audited) by the user's next admission. */
    EXPIRED,
    /** ExpressPlay issued no token for it, so nothing plays. */
    NOT_ISSUED;

    /** The name in the API and the audit trail: lower case with dashes. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
