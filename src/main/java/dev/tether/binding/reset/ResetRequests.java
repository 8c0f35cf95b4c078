package dev.tether.binding.reset;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** The two-person reset requests. Joins the caller's transaction. */
@ApplicationScoped
public class ResetRequests {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public Optional<DeviceResetRequest> find(long id) {
        return Optional.ofNullable(em.find(DeviceResetRequest.class, id));
    }

    /** The request, locked until the caller's transaction ends, so that two admins deciding it at once go one after the other. */
    public Optional<DeviceResetRequest> lock(long id) {
        return Optional.ofNullable(em.find(DeviceResetRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The user's request still waiting for a second admin at {@code now}, if any. */
    public Optional<DeviceResetRequest> openFor(UserId user, Instant now) {
        return em
                .createQuery(
                        "select r from DeviceResetRequest r where r.userId = :user and r.status = :pending "
                                + "and r.expiresAt > :now",
                        DeviceResetRequest.class)
                .setParameter("user", user.value())
                .setParameter("pending", ResetStatus.PENDING)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Stores a new request now, so that its id is known to the answer and the audit event. */
    public void add(DeviceResetRequest request) {
        em.persist(request);
        em.flush();
    }
}
