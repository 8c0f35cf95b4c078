package dev.tether.streams;

import dev.tether.binding.DevicesEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Ends the streams of a device an admin revoked, or of every device of a user whose devices were
 * reset, in the deciding transaction: binding announces it and knows nothing of streams.
 */
@ApplicationScoped
public class LeaseEndings {

    @Inject
    Streams streams;

    void onDevicesEnded(@Observes DevicesEnded ended) {
        EndedBy by = switch (ended.cause()) {
            case REVOCATION -> EndedBy.REVOCATION;
            case RESET -> EndedBy.RESET;
        };
        streams.endOn(ended.user(), ended.device(), by, ended.actor(), ended.at());
    }
}
