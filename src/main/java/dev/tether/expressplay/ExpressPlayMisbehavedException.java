package dev.tether.expressplay;

/**
 * ExpressPlay answered, but not usefully: HTTP 500, or a body that cannot be read or has the
 * wrong content type. It counts against the circuit like any unavailability, but it is not
 * retried at once: the same request would most likely get the same answer.
 */
public class ExpressPlayMisbehavedException extends ExpressPlayUnavailableException {

    public ExpressPlayMisbehavedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExpressPlayMisbehavedException(String message) {
        super(message);
    }
}
