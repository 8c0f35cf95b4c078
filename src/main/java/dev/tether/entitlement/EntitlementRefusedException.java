package dev.tether.entitlement;

/**
 * An entitlement request answered with {@code isAllowed:false}. By the time it is thrown the
 * refusal is already in the audit trail.
 */
public class EntitlementRefusedException extends RuntimeException {

    private final SeesError error;
    private final String messageId;
    private final String text;

    public EntitlementRefusedException(SeesError error, String messageId, String text) {
        super(error.name());
        this.error = error;
        this.messageId = messageId;
        this.text = text;
    }

    public SeesError error() {
        return error;
    }

    /** The request's messageID, when it could be read. */
    public String messageId() {
        return messageId;
    }

    public String text() {
        return text;
    }
}
