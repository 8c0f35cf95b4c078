package dev.tether.content;

import java.time.Instant;

/**
 * A title as the catalog API shows it: its policy and which master key wraps its key, never the
 * key itself.
 */
public record ContentView(
        String contentId,
        long tokenLifetimeSeconds,
        long rentalDurationSeconds,
        String requiredGroup,
        boolean deviceBindingRequired,
        boolean registration,
        long policyVersion,
        String masterKeyId,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt) {

    static ContentView of(Content c) {
        ContentPolicy policy = c.policy();
        return new ContentView(
                c.id().value(),
                policy.tokenLifetime().toSeconds(),
                policy.rentalDuration().toSeconds(),
                policy.requiredGroup().orElse(null),
                policy.deviceBindingRequired(),
                c.isRegistration(),
                c.policyVersion(),
                c.wrappedKey().masterKeyId(),
                c.createdAt(),
                c.updatedAt(),
                c.retiredAt());
    }
}
