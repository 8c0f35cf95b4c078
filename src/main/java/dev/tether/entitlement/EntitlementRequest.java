package dev.tether.entitlement;

import dev.tether.content.ContentId;
import dev.tether.content.Drm;
import java.util.Optional;

/**
 * A SEES entitlement request after its JSON was read and checked: a known request type, a content
 * id of the right shape, the cookie as the client sent it (its rules depend on the type), and the
 * DRM whose token is asked for (Tether's extension {@code drm}: FairPlay when absent).
 */
public record EntitlementRequest(
        String messageId, RequestType type, ContentId contentId, Optional<String> customerCookie, Drm drm) {

    /** A request of a SEES client, which knows no {@code drm}: FairPlay. */
    public EntitlementRequest(
            String messageId, RequestType type, ContentId contentId, Optional<String> customerCookie) {
        this(messageId, type, contentId, customerCookie, Drm.FAIRPLAY);
    }

    /** The only SEES protocol version so far. */
    public static final int SUPPORTED_VERSION = 1;
}
