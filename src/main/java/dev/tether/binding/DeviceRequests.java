package dev.tether.binding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the device APIs. */
public final class DeviceRequests {

    private DeviceRequests() {
    }

    /** A new label for one of the user's devices. */
    public record Rename(@NotNull @Pattern(regexp = "[^\\p{Cntrl}]{1,64}",
            message = "must be 1 to 64 printable characters") String label) {
    }

    /** Why an admin does what they do; mandatory for every admin step. */
    public record Reason(@NotNull @Size(min = 3, max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*",
            message = "must be printable text") String reason) {
    }

    /** An override of the default device limit; null clears it. */
    public record Limit(@Min(0) @Max(DevicePolicy.MAX_LIMIT) Integer maxActiveDevices) {
    }

    /**
     * The first step of a two-person reset: the reason, and optionally how long the request stays
     * open (an ISO-8601 duration, at most {@code tether.binding.reset-request-lifetime}).
     */
    public record Reset(@NotNull @Size(min = 3, max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*",
            message = "must be printable text") String reason,
                        @Pattern(regexp = "P[0-9DTHMS.]+", message = "must be an ISO-8601 duration such as PT1H")
                        String validFor) {
    }
}
