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
    INVALID_REQUEST,
    /** A subscriber renamed one of their devices. */
    DEVICE_RENAMED,
    /** A subscriber removed one of their devices, freeing its slot. */
    DEVICE_REMOVED,
    /** An admin blocked a user's device; it gets no new token. */
    DEVICE_REVOKED,
    /** An admin lifted a revocation. */
    DEVICE_RESTORED,
    /** An admin set or cleared a user's device limit override. */
    DEVICE_LIMIT_SET,
    /** First step of the two-person reset: an admin asked to remove all of a user's devices. */
    DEVICE_RESET_REQUESTED,
    /** Second step: another admin approved, and the user's devices were removed. */
    DEVICE_RESET_APPROVED,
    /** Second step: another admin rejected the request. */
    DEVICE_RESET_REJECTED,
    /** An admin added a title to the catalog. */
    CONTENT_CREATED,
    /** An admin changed a title's policy or key material. */
    CONTENT_UPDATED,
    /** An admin retired a title. */
    CONTENT_RETIRED,
    /** An admin re-wrapped every content key under the active master key. */
    CONTENT_KEYS_REWRAPPED,
    /** An admin checked ExpressPlay's contract: one token and one record lookup, reported. */
    EXPRESSPLAY_CHECKED,
    /** An auditor searched the trail; the detail holds the filters. */
    TRAIL_SEARCHED,
    /** An auditor exported the trail (CSV or the ledger's JSON lines); the detail holds the filters or the cursor. */
    TRAIL_EXPORTED,
    /** An auditor read a report: a user's devices, a device's users, the summary, the checkpoints. */
    TRAIL_REPORT_READ,
    /** An auditor verified the ledger; the detail holds the range and the result. */
    LEDGER_VERIFIED,
    /** The IdP's provisioning client created a user through SCIM (or created again one it had deleted). */
    USER_PROVISIONED,
    /** The provisioning client changed a user's attributes (access unchanged). */
    USER_UPDATED,
    /** The provisioning client set a user inactive: their access, devices, bindings and cookies ended. */
    USER_DEPROVISIONED,
    /** The provisioning client set a user active again: access restored, devices not. */
    USER_REACTIVATED,
    /** The provisioning client deleted a user: access ended as on deprovisioning. */
    USER_DELETED,
    /** The IdP ended a session through back-channel logout: its bearer tokens are refused. */
    SESSION_LOGGED_OUT,
    /**
     * A stream's lease ended before it expired; the detail says by whom (user, stop-oldest, admin,
     * revocation, reset). A stream's start is its token's event (TIME_BASED_TOKEN or
     * DEVICE_BOUND_TOKEN), whose detail holds the lease and the admission's inputs.
     */
    STREAM_ENDED,
    /** A stream's lease expired after missed heartbeats, noticed by its user's next admission. */
    STREAM_EXPIRED,
    /** An admin set or cleared a user's or a group's stream policy. */
    STREAM_POLICY_SET,
    /** A request to Tether's own API refused before any use case decided it (see RequestRefusals). */
    REQUEST_REFUSED
}
