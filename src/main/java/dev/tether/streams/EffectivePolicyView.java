package dev.tether.streams;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The policy that applies to a caller now, and where it comes from. */
@JsonbPropertyOrder({"maxStreams", "mode", "heartbeatInterval", "grace", "source", "running"})
public record EffectivePolicyView(
        int maxStreams, String mode, long heartbeatInterval, int grace, String source, long running) {

    static EffectivePolicyView of(Policy policy, long running) {
        return new EffectivePolicyView(
                policy.limit(),
                policy.mode().text(),
                policy.heartbeatInterval().toSeconds(),
                policy.grace(),
                policy.source(),
                running);
    }
}
