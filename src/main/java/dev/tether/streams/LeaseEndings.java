package dev.tether.streams;

import dev.tether.binding.DevicesEnded;
import dev.tether.identity.UserDeprovisioned;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Ends the streams of a device an admin revoked or its user removed, of every device of a user whose devices were
 * reset, and of a user the directory deprovisioned, in the deciding transaction: binding and
 * identity announce it and know nothing of streams.
 */
@ApplicationScoped
public class LeaseEndings {

    @Inject
    Streams streams;

    void onDevicesEnded(@Observes DevicesEnded ended) {
        EndedBy by = switch (ended.cause()) {
            case REVOCATION -> EndedBy.REVOCATION;
            case REMOVAL -> EndedBy.DEVICE_REMOVED;
            case RESET -> EndedBy.RESET;
        };
        streams.endOn(ended.user(), ended.device(), by, ended.actor(), ended.at());
    }

    void onDeprovisioned(@Observes UserDeprovisioned deprovisioned) {
        UserId actor = UserId.isWellFormed(deprovisioned.actor()) ? new UserId(deprovisioned.actor()) : null;
        streams.endOn(deprovisioned.user(), Optional.empty(), EndedBy.DEPROVISIONED, actor, deprovisioned.at());
    }
}
