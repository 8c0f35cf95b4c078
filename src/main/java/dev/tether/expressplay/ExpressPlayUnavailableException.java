package dev.tether.expressplay;

/**
 * ExpressPlay could not be reached or did not answer usefully: a timeout, a connection failure,
 * HTTP 502/503/504 (transient, retried at once), an open circuit or a full bulkhead, or a
 * {@link ExpressPlayMisbehavedException misbehaving answer}. The caller may try again later.
 */
public class ExpressPlayUnavailableException extends ExpressPlayException {

    public ExpressPlayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExpressPlayUnavailableException(String message) {
        super(message, null);
    }
}
