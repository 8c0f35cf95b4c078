package dev.tether.binding;

/** Where a user's device stands. Only active devices count toward the user's limit. */
public enum DeviceStatus {
    /** Bound and usable. */
    ACTIVE,
    /** Blocked by an admin: no new token, whatever the cookie; it stays listed and does not count. */
    REVOKED,
    /** Removed by its user or a reset: its slot is free and its cookies are ended; it may register again. */
    REMOVED
}
