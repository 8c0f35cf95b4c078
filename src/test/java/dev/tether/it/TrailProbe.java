package dev.tether.it;

import dev.tether.audit.AuditEvent;
import dev.tether.binding.BindingStatus;
import dev.tether.binding.DeviceBinding;
import dev.tether.binding.DevicePolicy;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Reads and prepares the database beside a use case, for {@link RefusalAuditedIT}, which runs
 * inside the server: each method is a transaction of its own, so it sees only what committed.
 */
@ApplicationScoped
public class TrailProbe {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** The user's audit events, oldest first, each as {@code TYPE OUTCOME [REASON]}. */
    @Transactional
    public List<String> eventsOf(UserId user) {
        return em
                .createQuery("select e from AuditEvent e where e.userId = :user order by e.id", AuditEvent.class)
                .setParameter("user", user.value())
                .getResultList()
                .stream()
                .map(e -> e.type() + " " + e.outcome() + (e.reasonCode() == null ? "" : " " + e.reasonCode()))
                .toList();
    }

    /** The status of the binding of {@code cookie}, if it exists. */
    @Transactional
    public Optional<BindingStatus> bindingStatus(String cookie) {
        return em.createQuery("select b from DeviceBinding b where b.cookie = :cookie", DeviceBinding.class)
                .setParameter("cookie", cookie)
                .getResultStream()
                .findFirst()
                .map(DeviceBinding::status);
    }

    /** How many devices are bound to the user, in any state. */
    @Transactional
    public long devicesOf(UserId user) {
        return em.createQuery("select count(d) from Device d where d.userId = :user", Long.class)
                .setParameter("user", user.value())
                .getSingleResult();
    }

    /** An admin's override of the user's device limit, as the admin API would set it. */
    @Transactional
    public void limitDevices(UserId user, int limit) {
        DevicePolicy policy = Optional.ofNullable(em.find(DevicePolicy.class, user.value()))
                .orElseGet(() -> {
                    DevicePolicy created = new DevicePolicy(user);
                    em.persist(created);
                    return created;
                });
        policy.override(Optional.of(limit));
    }
}
