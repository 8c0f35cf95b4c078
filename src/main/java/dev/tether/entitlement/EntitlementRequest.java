package dev.tether.entitlement;

import dev.tether.content.ContentId;
import java.util.Optional;

/**
 * A SEES entitlement request after its JSON was read and checked: a known request type, a content
 * id of the right shape, and the cookie as the client sent it (its rules depend on the type).
 */
public record EntitlementRequest(
        String messageId, RequestType type, ContentId contentId, Optional<String> customerCookie) {

    /** The only SEES protocol version so far. */
    public static final int SUPPORTED_VERSION = 1;
}
