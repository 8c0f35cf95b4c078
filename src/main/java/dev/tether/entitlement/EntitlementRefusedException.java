package dev.tether.entitlement;

import dev.tether.platform.RefusedException;

/**
 * An entitlement request answered with {@code isAllowed:false}: a refusal with a {@link SeesError}
 * and the request's messageID, which the SEES endpoint answers in SEES form.
 */
public class EntitlementRefusedException extends RefusedException {

    private final String messageId;
    private final int httpStatus;

    public EntitlementRefusedException(SeesError error, String messageId, String text) {
        this(error, messageId, text, error.isMalformedRequest() ? 400 : 200);
    }

    private EntitlementRefusedException(SeesError error, String messageId, String text, int httpStatus) {
        super(error, text);
        this.messageId = messageId;
        this.httpStatus = httpStatus;
    }

    /** A body over the size limit: 413, as every endpoint answers one, with the SEES fields. */
    static EntitlementRefusedException bodyTooLarge(String text) {
        return new EntitlementRefusedException(SeesError.INVALID_REQUEST, null, text, 413);
    }

    /** 400 for a malformed request, 413 for one too large, 200 for a policy refusal (as SEES clients expect). */
    public int httpStatus() {
        return httpStatus;
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
