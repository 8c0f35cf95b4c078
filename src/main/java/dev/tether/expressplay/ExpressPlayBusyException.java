package dev.tether.expressplay;

/**
 * Tether's own limit was reached, not ExpressPlay's: as many calls to the endpoint are in
 * progress as the bulkhead admits, and its waiting queue is full too. Nothing was asked of
 * ExpressPlay; the caller may try again in a moment.
 */
public class ExpressPlayBusyException extends ExpressPlayException {

    private final ExpressPlayStats.Endpoint endpoint;

    public ExpressPlayBusyException(ExpressPlayStats.Endpoint endpoint, Throwable cause) {
        super("Tether's bulkhead for ExpressPlay's " + endpoint + " endpoint and its queue are full", cause);
        this.endpoint = endpoint;
    }

    /** Which limit was reached: the bulkhead of this endpoint. */
    public ExpressPlayStats.Endpoint endpoint() {
        return endpoint;
    }
}
