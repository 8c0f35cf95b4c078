package dev.tether.content;

import dev.tether.platform.Refusal;

/**
 * Why the catalog API refuses a request. The name is the audit trail's reason code; the slug
 * names the problem type of Tether's API.
 */
public enum ContentRefusal implements Refusal {
    /** The path holds a text that cannot be a content id. */
    INVALID_CONTENT_ID,
    /** No title has this id. */
    UNKNOWN_CONTENT,
    /** A title with this id exists: it is updated, not created again. */
    CONTENT_EXISTS,
    /** A retired title changes no more. */
    CONTENT_RETIRED,
    /** The DRMs of a title do not fit together: one listed twice, a key id missing, another DRM's field. */
    INVALID_DRMS;

    @Override
    public Kind kind() {
        return switch (this) {
            case INVALID_CONTENT_ID, INVALID_DRMS -> Kind.INVALID;
            case UNKNOWN_CONTENT -> Kind.NOT_FOUND;
            default -> Kind.CONFLICT;
        };
    }
}
