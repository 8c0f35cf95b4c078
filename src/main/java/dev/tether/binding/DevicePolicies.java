package dev.tether.binding;

import dev.tether.platform.CreationLock;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

/** The users' device policy rows, and the per-user lock they provide. Joins the caller's transaction. */
@ApplicationScoped
public class DevicePolicies {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** This bean's own proxy, so that {@link #create} runs in a transaction of its own. */
    @Inject
    DevicePolicies self;

    public Optional<DevicePolicy> find(UserId user) {
        return Optional.ofNullable(em.find(DevicePolicy.class, user.value()));
    }

    /**
     * The user's policy row, locked until the caller's transaction ends, if it exists: one
     * SELECT ... FOR UPDATE (a find, then a lock, would read the row twice).
     */
    public Optional<DevicePolicy> lockIfPresent(UserId user) {
        return Optional.ofNullable(em.find(DevicePolicy.class, user.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The user's policy row, locked (SELECT ... FOR UPDATE) until the caller's transaction ends.
     * A missing row is created first in a transaction of its own, under the creation lock, so that
     * two first requests of a user do not race on the insert: the second finds the first's row,
     * and both then lock the same row. (A race on the key was handled, but Hibernate logged each
     * as an ERROR.)
     */
    public DevicePolicy lock(UserId user) {
        DevicePolicy policy = em.find(DevicePolicy.class, user.value(), LockModeType.PESSIMISTIC_WRITE);
        if (policy != null) {
            return policy;
        }
        self.create(user);
        policy = em.find(DevicePolicy.class, user.value(), LockModeType.PESSIMISTIC_WRITE);
        if (policy == null) {
            throw new IllegalStateException("device policy row of a user vanished");
        }
        return policy;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void create(UserId user) {
        CreationLock.DEVICE_POLICY.acquire(em);
        if (em.find(DevicePolicy.class, user.value()) == null) {
            em.persist(new DevicePolicy(user));
            em.flush();
        }
    }
}
