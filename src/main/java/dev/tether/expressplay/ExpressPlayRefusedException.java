package dev.tether.expressplay;

/** ExpressPlay answered with one of its error codes: asking again will not help. */
public class ExpressPlayRefusedException extends ExpressPlayException {

    private final int errorCode;

    public ExpressPlayRefusedException(int errorCode, String message) {
        super(message, null);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** -6008: the account cannot put a device restriction into a FairPlay token. */
    public boolean isDeviceBindingUnsupported() {
        return errorCode == ExpressPlayErrors.DEVICE_BINDING_UNSUPPORTED;
    }
}
