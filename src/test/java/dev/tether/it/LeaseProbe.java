package dev.tether.it;

import dev.tether.binding.DeviceId;
import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import dev.tether.streams.EndedBy;
import dev.tether.streams.Lease;
import dev.tether.streams.StreamSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Writes and finds leases directly, for {@link LeasePurgeIT}: each call one transaction. */
@ApplicationScoped
public class LeaseProbe {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    StreamSettings settings;

    /** A lease of {@code user} started at {@code startedAt} and, unless {@code endedAt} is null, ended then by its user. */
    @Transactional
    public String add(String user, Instant startedAt, Instant endedAt) {
        Lease lease = new Lease(
                new UserId(user),
                Optional.of(new DeviceId("purge-device")),
                new ContentId("demo-movie"),
                settings.defaults(),
                startedAt);
        if (endedAt != null) {
            lease.end(EndedBy.USER, null, endedAt);
        }
        em.persist(lease);
        return lease.id();
    }

    @Transactional
    public boolean exists(String id) {
        return em.find(Lease.class, id) != null;
    }
}
