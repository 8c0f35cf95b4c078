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

    /** The user's device with Tether's id {@code id}; another user's device is not found. */
    public Optional<Device> ofUser(UserId user, long id) {
        return Optional.ofNullable(em.find(Device.class, id)).filter(d -> d.belongsTo(user));
    }

    /** The user's devices, removed ones only if asked, most recently seen first. */
    public List<Device> of(UserId user, boolean withRemoved) {
        return em
                .createQuery(
                        "select d from Device d where d.userId = :user order by d.lastSeenAt desc, d.id desc",
                        Device.class)
                .setParameter("user", user.value())
                .getResultList()
                .stream()
                .filter(d -> withRemoved || d.status() != DeviceStatus.REMOVED)
                .toList();
    }

    /** Devices that count toward the limit: neither removed nor revoked. */
    public long countActive(UserId user) {
        return em.createQuery(
                        "select count(d) from Device d where d.userId = :user "
                                + "and d.removedAt is null and d.revokedAt is null",
                        Long.class)
                .setParameter("user", user.value())
                .getSingleResult();
    }

    /** Re-reads a device that a concurrent transaction may have changed since this one loaded it. */
    public void refresh(Device device) {
        em.refresh(device);
    }

    public void add(Device device) {
        em.persist(device);
        em.flush();
    }

    /**
     * Moves an active device's last-seen time. A plain UPDATE, outside optimistic locking:
     * concurrent plays on one device must not fail each other, and the latest time wins anyway.
     */
    public void touch(Device device, ContentId content, Instant now) {
        em.createQuery("update Device d set d.lastSeenAt = :now, d.lastContentId = :content "
                        + "where d.id = :id and d.lastSeenAt < :now")
                .setParameter("now", now)
                .setParameter("content", content.value())
                .setParameter("id", device.id())
                .executeUpdate();
    }
}
