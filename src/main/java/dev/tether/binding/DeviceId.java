package dev.tether.binding;

import dev.tether.platform.IdSyntax;
import java.util.Objects;
import java.util.regex.Pattern;

/** A device as ExpressPlay identifies it: the anonymised id it reads from the player's SPC. */
public record DeviceId(String value) {

    public static final int MAX_LENGTH = 128;

    private static final Pattern SHAPE = Pattern.compile(IdSyntax.CHARACTERS + "{1," + MAX_LENGTH + "}");

    public DeviceId {
        Objects.requireNonNull(value, "device id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a device id is 1 to " + MAX_LENGTH + " " + IdSyntax.CHARACTERS_TEXT);
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
