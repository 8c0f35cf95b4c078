package dev.tether.binding;

/** Where a device binding stands. */
public enum BindingStatus {
    /** The cookie was handed out; no device has been seen redeeming its registration token yet. */
    PENDING,
    /** The device id ExpressPlay logged for the cookie is known and stored. */
    RESOLVED
}
