package dev.tether.identity;

import dev.tether.platform.Refusal;

/**
 * Why the SCIM endpoint refuses a request, with the HTTP status and {@code scimType} of the SCIM
 * error it is answered with (RFC 7644 section 3.12).
 */
public enum ScimRefusal implements Refusal {
    INVALID_SYNTAX(400, "invalidSyntax", Kind.INVALID),
    INVALID_VALUE(400, "invalidValue", Kind.INVALID),
    INVALID_FILTER(400, "invalidFilter", Kind.INVALID),
    INVALID_PATH(400, "invalidPath", Kind.INVALID),
    NO_TARGET(400, "noTarget", Kind.INVALID),
    MUTABILITY(400, "mutability", Kind.INVALID),
    UNIQUENESS(409, "uniqueness", Kind.CONFLICT),
    NOT_FOUND(404, null, Kind.NOT_FOUND),
    TOO_LARGE(413, null, Kind.TOO_LARGE),
    /** A compressed body (Content-Encoding): refused unread, so that nothing inflates. */
    COMPRESSED_BODY(415, null, Kind.UNSUPPORTED),
    VERSION_MISMATCH(412, null, Kind.CONFLICT);

    private final int status;
    private final String scimType;
    private final Kind kind;

    ScimRefusal(int status, String scimType, Kind kind) {
        this.status = status;
        this.scimType = scimType;
        this.kind = kind;
    }

    public int status() {
        return status;
    }

    /** The SCIM error's {@code scimType}, or null for the statuses that carry none. */
    public String scimType() {
        return scimType;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String slug() {
        return "scim-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
