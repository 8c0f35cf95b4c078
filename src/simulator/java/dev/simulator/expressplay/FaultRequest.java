package dev.simulator.expressplay;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A fault to inject: on {@code endpoint}, for the next {@code count} calls or for a
 * {@code fraction} of calls (exactly one of the two), the fault {@code kind} with its parameter.
 */
public record FaultRequest(
        @NotNull SimulatedEndpoint endpoint,
        @NotNull FaultKind kind,
        @Min(1) @Max(1_000_000) Integer count,
        @DecimalMin("0.0") @DecimalMax("1.0") Double fraction,
        @Min(1) @Max(60_000) Long latencyMs,
        @Min(400) @Max(599) Integer status,
        @Max(-1) Integer errorCode) {}
