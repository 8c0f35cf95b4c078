package dev.tether.audit;

/** What a decision was about. */
public enum AuditType {
    /** requestType 2: a cookie handed out with a registration token. */
    REGISTRATION,
    /** A cookie's device id looked up in ExpressPlay's transaction history and stored. */
    DEVICE_RESOLUTION,
    /** requestType 1: a time-bound token. */
    TIME_BASED_TOKEN,
    /** requestType 3: a device- and time-bound token. */
    DEVICE_BOUND_TOKEN,
    /** A request refused before its kind could be known (malformed SEES request). */
    INVALID_REQUEST
}
