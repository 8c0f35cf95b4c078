package dev.tether.expressplay;

/**
 * ExpressPlay could not be reached or did not answer usefully (timeout, connection failure, 5xx,
 * unreadable body, open circuit). Worth retrying later.
 */
public class ExpressPlayUnavailableException extends ExpressPlayException {

    public ExpressPlayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExpressPlayUnavailableException(String message) {
        super(message, null);
    }
}
