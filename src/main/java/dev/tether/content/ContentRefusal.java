package dev.tether.content;

import dev.tether.platform.Refusal;

/**
 * Why the catalog API refuses a request. The name is the audit trail's reason code; the slug
 * names the problem type of Tether's API.
 */
public enum ContentRefusal implements Refusal {
    /** The path holds a text that cannot be a content id. */
    INVALID_CONTENT_ID(Kind.INVALID, "invalid-content-id"),
    /** No title has this id. */
    UNKNOWN_CONTENT(Kind.NOT_FOUND, "unknown-content"),
    /** A title with this id exists: it is updated, not created again. */
    CONTENT_EXISTS(Kind.CONFLICT, "content-exists"),
    /** A retired title changes no more. */
    CONTENT_RETIRED(Kind.CONFLICT, "content-retired");

    private final Kind kind;
    private final String slug;

    ContentRefusal(Kind kind, String slug) {
        this.kind = kind;
        this.slug = slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String slug() {
        return slug;
    }
}
