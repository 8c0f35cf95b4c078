package dev.tether.binding;

/** Where a device binding stands. */
public enum BindingStatus {
    /** The cookie was handed out; no device has been seen redeeming its registration token yet. */
    PENDING,
    /** The device id ExpressPlay logged for the cookie is known and stored. */
    RESOLVED,
    /** Its device was removed (by its user or a reset): the cookie gets no token; the device registers again. */
    ENDED
}
