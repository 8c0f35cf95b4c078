package dev.tether.binding;

import dev.tether.platform.FreeText;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the device APIs, and the one check of a user id in an admin's path. */
public final class DeviceRequests {

    /** An admin's reason is printable text of this many characters. */
    public static final int REASON_MIN = 3;

    public static final int REASON_MAX = 500;
    public static final String PRINTABLE = Device.PRINTABLE_CHARACTER + "*";
    public static final String PRINTABLE_RULE = "must be " + FreeText.RULE;

    private DeviceRequests() {}

    /** A new label for one of the user's devices. */
    public record Rename(
            @NotNull @Pattern(regexp = Device.LABEL_PATTERN, message = "must be " + Device.LABEL_RULE)
            String label) {}

    /** Why an admin does what they do; mandatory for every admin step. */
    public record Reason(
            @NotNull @Size(min = REASON_MIN, max = REASON_MAX) @Pattern(regexp = PRINTABLE, message = PRINTABLE_RULE)
            String reason) {}

    /** An override of the default device limit; null clears it. */
    public record Limit(@Min(0) @Max(DevicePolicy.MAX_LIMIT) Integer maxActiveDevices) {}

    /** The user an admin's path names; a text that cannot be a user id is a bad request, not an unknown user. */
    public static UserId user(String text) {
        if (!UserId.isWellFormed(text)) {
            throw new RefusedException(DeviceRefusal.INVALID_USER, UserId.RULE + ".");
        }
        return new UserId(text);
    }
}
