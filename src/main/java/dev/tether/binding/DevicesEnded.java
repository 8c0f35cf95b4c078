package dev.tether.binding;

import dev.tether.security.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fired (synchronously, in the deciding transaction) when an admin revokes a user's device, the
 * user removes one of their own, or a reset removes all of them, so that what depends on a device's access ends with it (the streams
 * it plays) without binding knowing those capabilities. {@code device} is empty for a reset.
 * Observers run before the decision's own audit event is written: the audit ledger's head is the
 * last lock a transaction takes.
 */
public record DevicesEnded(UserId user, Optional<DeviceId> device, Cause cause, UserId actor, Instant at) {

    public DevicesEnded {
        Objects.requireNonNull(user);
        Objects.requireNonNull(device);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(at);
    }

    public enum Cause {
        REVOCATION,
        REMOVAL,
        RESET
    }
}
