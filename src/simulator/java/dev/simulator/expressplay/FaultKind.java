package dev.simulator.expressplay;

/** What can go wrong with an ExpressPlay call, as the simulator can make it go wrong. */
public enum FaultKind {
    /** Answer normally, but only after {@code latencyMs}. */
    LATENCY,
    /** Answer with HTTP {@code status} (500, 502, 503, ...) and no ExpressPlay error body. */
    HTTP_STATUS,
    /** Start the answer, then close the connection mid-body. */
    DISCONNECT,
    /** Answer 200 with a body of the right content type that cannot be read. */
    MALFORMED_BODY,
    /** Answer 200 with an HTML page where the API's content type was due. */
    WRONG_CONTENT_TYPE,
    /** Refuse with ExpressPlay's JSON error {@code errorCode} (e.g. -2019, -2018, -6008). */
    ERROR_CODE,
    /**
     * On {@code RIGHTS} only: redeem and log as usual, but keep the redemption out of record
     * retrieval for {@code latencyMs}, as a history meant for troubleshooting may show it late.
     */
    HOLD_BACK
}
