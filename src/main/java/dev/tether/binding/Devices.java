package dev.tether.binding;

import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The devices bound to each user. Joins the caller's transaction. */
@ApplicationScoped
public class Devices {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public Optional<Device> find(UserId user, DeviceId device) {
        List<Device> found = em.createQuery(
                        "select d from Device d where d.userId = :user and d.deviceId = :device", Device.class)
                .setParameter("user", user.value())
                .setParameter("device", device.value())
                .getResultList();
        return found.stream().findFirst();
    }

    /**
     * Records that the user's device asked for {@code content}: creates the device on first use,
     * otherwise moves its last-seen time. The move is a plain UPDATE, outside optimistic locking:
     * concurrent plays on one device must not fail each other, and the latest time wins anyway.
     */
    public void recordUse(UserId user, DeviceId deviceId, ContentId content, Instant now) {
        Optional<Device> known = find(user, deviceId);
        if (known.isEmpty()) {
            Device created = new Device(user, deviceId, now);
            created.seen(content, now);
            em.persist(created);
            em.flush();
            return;
        }
        em.createQuery("update Device d set d.lastSeenAt = :now, d.lastContentId = :content "
                        + "where d.id = :id and d.lastSeenAt < :now")
                .setParameter("now", now)
                .setParameter("content", content.value())
                .setParameter("id", known.get().id())
                .executeUpdate();
    }
}
