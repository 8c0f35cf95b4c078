package dev.simulator.expressplay;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A fault to inject: on {@code endpoint}, for the next {@code count} calls or for a
 * {@code fraction} of calls (exactly one of the two), the fault {@code kind} with its parameter.
 * {@code contentType} is what a DISCONNECT announces before it breaks off (default: what the
 * endpoint answers, JSON for record retrieval, {@code text/uri-list} for the token API).
 */
public record FaultRequest(
        @NotNull SimulatedEndpoint endpoint,
        @NotNull FaultKind kind,
        @Min(1) @Max(1_000_000) Integer count,
        @DecimalMin("0.0") @DecimalMax("1.0") Double fraction,
        @Min(1) @Max(60_000) Long latencyMs,
        @Min(400) @Max(599) Integer status,
        @Max(-1) Integer errorCode,
        @Pattern(regexp = "[a-z]+/[a-z0-9.+-]+") String contentType) {}
