package dev.tether.binding.reset;

import dev.tether.binding.DeviceRequests;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The first step of a two-person reset: the reason, and optionally how long the request stays
 * open (an ISO-8601 duration, at most {@code tether.binding.reset-request-lifetime}). The reason
 * follows the rules of every admin's reason ({@link DeviceRequests.Reason}).
 */
public record ResetBody(
        @NotNull
        @Size(min = DeviceRequests.REASON_MIN, max = DeviceRequests.REASON_MAX)
        @Pattern(regexp = DeviceRequests.PRINTABLE, message = DeviceRequests.PRINTABLE_RULE)
        String reason,

        @Pattern(regexp = "P[0-9DTHMS.]+", message = ResetBody.DURATION_RULE)
        String validFor) {

    static final String DURATION_RULE = "must be an ISO-8601 duration such as PT1H";
}
