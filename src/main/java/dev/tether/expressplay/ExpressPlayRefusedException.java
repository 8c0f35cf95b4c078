package dev.tether.expressplay;

/**
 * ExpressPlay refused the request: an HTTP 400 with one of its error codes, or without a readable
 * one ({@link #UNREADABLE_CODE}). Asking again will not help.
 */
public class ExpressPlayRefusedException extends ExpressPlayException {

    /** The code of a 400 whose body named none: still a refusal of the arguments, not an outage. */
    public static final int UNREADABLE_CODE = 0;

    private final int errorCode;
    private final String expressPlayMessage;

    public ExpressPlayRefusedException(int errorCode, String expressPlayMessage) {
        super(ExpressPlayErrors.meaning(errorCode), null);
        this.errorCode = errorCode;
        this.expressPlayMessage = ExpressPlayMessages.clean(expressPlayMessage);
    }

    public int errorCode() {
        return errorCode;
    }

    /** What ExpressPlay said in its own words, stripped of anything secret; may be empty. */
    public String expressPlayMessage() {
        return expressPlayMessage;
    }

    /** -6008 (FairPlay) or -7002 (Widevine): the account cannot put a device restriction into the token. */
    public boolean isDeviceBindingUnsupported() {
        return errorCode == ExpressPlayErrors.DEVICE_BINDING_UNSUPPORTED
                || errorCode == ExpressPlayErrors.WIDEVINE_DEVICE_BINDING_UNSUPPORTED;
    }

    /** -6009, -7011 or -5002: the account does not serve the DRM that was asked for. */
    public boolean isDrmDisabled() {
        return errorCode == ExpressPlayErrors.FAIRPLAY_DISABLED
                || errorCode == ExpressPlayErrors.WIDEVINE_DISABLED
                || errorCode == ExpressPlayErrors.PLAYREADY_DISABLED;
    }
}
