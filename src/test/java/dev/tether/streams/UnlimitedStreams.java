package dev.tether.streams;

import dev.tether.audit.Decision;
import dev.tether.binding.DeviceId;
import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Streams for unit tests of the entitlement flow that are not about streams: every title is as if exempt. */
public class UnlimitedStreams extends Streams {

    @Override
    public StreamStart start(
            Decision decision,
            UserId user,
            Set<String> groups,
            ContentId content,
            Optional<DeviceId> device,
            Instant now) {
        return StreamStart.exempt();
    }

    @Override
    public Optional<StreamStart> startWithin(
            Decision decision,
            UserId user,
            Set<String> groups,
            ContentId content,
            Optional<DeviceId> device,
            Instant now) {
        return Optional.of(StreamStart.exempt());
    }
}
