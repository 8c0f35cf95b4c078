package dev.tether.expressplay;

/**
 * ExpressPlay answered HTTP 401: it does not accept Tether's customer authenticator. That is a
 * configuration fault, not an outage: it is neither retried nor counted against the circuit, and
 * it lasts until an operator corrects {@code tether.expressplay.customer-authenticator}.
 */
public class ExpressPlayMisconfiguredException extends ExpressPlayException {

    private final int errorCode;
    private final String expressPlayMessage;

    public ExpressPlayMisconfiguredException(int errorCode, String expressPlayMessage) {
        super("ExpressPlay rejected the customer authenticator (HTTP 401, error " + errorCode + ")", null);
        this.errorCode = errorCode;
        this.expressPlayMessage = ExpressPlayMessages.clean(expressPlayMessage);
    }

    /** ExpressPlay's code (-2017 missing, -2018 invalid), or 0 when the body named none. */
    public int errorCode() {
        return errorCode;
    }

    public String expressPlayMessage() {
        return expressPlayMessage;
    }
}
