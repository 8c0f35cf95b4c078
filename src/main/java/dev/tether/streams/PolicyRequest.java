package dev.tether.streams;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An admin's stream policy for a user or a group: the limit and the mode, and optionally a
 * heartbeat interval (seconds) and a grace (missed heartbeats) of its own.
 */
public record PolicyRequest(
        @NotNull @Min(0) @Max(StreamSettings.MAX_LIMIT) Integer maxStreams,

        @NotNull @Pattern(regexp = "block-new|stop-oldest", message = "must be block-new or stop-oldest")
        String mode,

        @Min(1) @Max(3600) Integer heartbeatInterval,
        @Min(1) @Max(StreamSettings.MAX_GRACE) Integer grace) {}
