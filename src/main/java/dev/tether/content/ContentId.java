package dev.tether.content;

import dev.tether.platform.IdSyntax;
import java.util.Objects;
import java.util.regex.Pattern;

/** A content's id, assigned at packaging. */
public record ContentId(String value) {

    public static final int MAX_LENGTH = 128;
    /** The shape of a content id, for {@link #isWellFormed} and the catalog request's validation. */
    public static final String PATTERN = IdSyntax.CHARACTERS + "{1," + MAX_LENGTH + "}";
    /** {@link #PATTERN} in words. */
    public static final String RULE = "1 to " + MAX_LENGTH + " " + IdSyntax.CHARACTERS_TEXT;

    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public ContentId {
        Objects.requireNonNull(value, "content id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a content id is " + RULE);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
