package dev.tether.api;

import dev.tether.platform.Refusal;
import dev.tether.platform.StrictJson;

/**
 * Why a request body of Tether's own API is refused before any use case sees it. Each is a
 * problem {@code type} of its own, so that a client can tell a typo from a size limit.
 */
public enum BodyRefusal implements Refusal {
    /** Not exactly one JSON object in UTF-8 (empty, truncated, an array, a second value after it, too deep). */
    UNREADABLE_BODY(Kind.INVALID, "The request body is not JSON of the expected shape."),
    /** One object names a member twice: which one counts would depend on the reader. */
    DUPLICATE_MEMBER(Kind.INVALID, StrictJson.Violation.DUPLICATE_MEMBER.text()),
    /** A number that is not an integer literal of at most 18 digits. */
    BAD_NUMBER(Kind.INVALID, StrictJson.Violation.NOT_AN_INTEGER.text()),
    /** A member of the wrong JSON type, or an integer outside its field's range. */
    WRONG_TYPE(Kind.INVALID, "A member has the wrong JSON type."),
    /** Not {@code application/json}, optionally with {@code charset=utf-8}. */
    BAD_CONTENT_TYPE(Kind.INVALID, "Content-Type must be application/json (optionally with charset=utf-8)."),
    /** Larger than its endpoint takes ({@code tether.api.max-body-bytes} and its neighbours). */
    BODY_TOO_LARGE(Kind.TOO_LARGE, "The request body is larger than this endpoint takes."),
    /** A compressed body ({@code Content-Encoding}): refused unread, so that nothing inflates. */
    COMPRESSED_BODY(Kind.UNSUPPORTED, "A compressed request body (Content-Encoding) is not accepted.");

    private final Kind kind;
    private final String text;

    BodyRefusal(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The problem's detail when nothing more precise is known. */
    public String text() {
        return text;
    }

    static BodyRefusal of(StrictJson.Violation violation) {
        return switch (violation) {
            case DUPLICATE_MEMBER -> DUPLICATE_MEMBER;
            case NOT_AN_INTEGER -> BAD_NUMBER;
            default -> UNREADABLE_BODY;
        };
    }
}
