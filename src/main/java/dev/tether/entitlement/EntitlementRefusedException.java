package dev.tether.entitlement;

import dev.tether.platform.RefusedException;

/**
 * An entitlement request answered with {@code isAllowed:false}: a refusal with a {@link SeesError}
 * and the request's messageID, which the SEES endpoint answers in SEES form.
 */
public class EntitlementRefusedException extends RefusedException {

    private final String messageId;

    public EntitlementRefusedException(SeesError error, String messageId, String text) {
        super(error, text);
        this.messageId = messageId;
    }

    public SeesError error() {
        return (SeesError) reason();
    }

    /** The request's messageID, when it could be read. */
    public String messageId() {
        return messageId;
    }

    public String text() {
        return detail();
    }
}
