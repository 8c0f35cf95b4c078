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

    /** The user's record of this device, created on first use, marked as seen for {@code content}. */
    public Device recordUse(UserId user, DeviceId deviceId, ContentId content, Instant now) {
        Device device = find(user, deviceId).orElseGet(() -> {
            Device created = new Device(user, deviceId, now);
            em.persist(created);
            return created;
        });
        device.seen(content, now);
        return device;
    }
}
