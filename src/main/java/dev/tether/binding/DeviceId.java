package dev.tether.binding;

import java.util.Objects;
import java.util.regex.Pattern;

/** A device as ExpressPlay identifies it: the anonymised id it reads from the player's SPC. */
public record DeviceId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public DeviceId {
        Objects.requireNonNull(value, "device id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a device id is 1 to 128 letters, digits, '.', '_', ':' or '-'");
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
