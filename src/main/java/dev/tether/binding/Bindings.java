package dev.tether.binding;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The device bindings, looked up by cookie. Joins the caller's transaction. */
@ApplicationScoped
public class Bindings {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public Optional<DeviceBinding> byCookie(Cookie cookie) {
        List<DeviceBinding> found = em.createQuery(
                        "select b from DeviceBinding b where b.cookie = :cookie", DeviceBinding.class)
                .setParameter("cookie", cookie.value())
                .getResultList();
        return found.stream().findFirst();
    }

    public boolean exists(Cookie cookie) {
        return byCookie(cookie).isPresent();
    }

    /** Ends every resolved binding of the user's device: its cookies get no token any more. */
    public int endAll(UserId user, DeviceId device) {
        return em.createQuery("update DeviceBinding b set b.status = :ended, b.version = b.version + 1 "
                        + "where b.userId = :user and b.deviceId = :device and b.status = :resolved")
                .setParameter("ended", BindingStatus.ENDED)
                .setParameter("resolved", BindingStatus.RESOLVED)
                .setParameter("user", user.value())
                .setParameter("device", device.value())
                .executeUpdate();
    }

    /** Ends every pending binding of the user: the cookies handed out get no token any more. */
    public int endPending(UserId user) {
        return em.createQuery("update DeviceBinding b set b.status = :ended, b.version = b.version + 1 "
                        + "where b.userId = :user and b.status = :pending")
                .setParameter("ended", BindingStatus.ENDED)
                .setParameter("pending", BindingStatus.PENDING)
                .setParameter("user", user.value())
                .executeUpdate();
    }

    /** Writes pending changes now, so that a conflict with a concurrent transaction surfaces at this point. */
    public void flush() {
        em.flush();
    }

    /** Stores a new binding now, so that a cookie collision surfaces here rather than at commit. */
    public void add(DeviceBinding binding) {
        em.persist(binding);
        em.flush();
    }
}
