package dev.tether.content;

import java.util.Objects;
import java.util.regex.Pattern;

/** A content's id, assigned at packaging. */
public record ContentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public ContentId {
        Objects.requireNonNull(value, "content id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a content id is 1 to 128 letters, digits, '.', '_', ':' or '-'");
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
