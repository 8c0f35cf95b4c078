package dev.tether.binding;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The users' device policy rows, and the per-user lock they provide. Joins the caller's transaction. */
@ApplicationScoped
public class DevicePolicies {

    private static final Logger LOG = Logger.getLogger(DevicePolicies.class.getName());

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** This bean's own proxy, so that {@link #create} runs in a transaction of its own. */
    @Inject
    DevicePolicies self;

    public Optional<DevicePolicy> find(UserId user) {
        return Optional.ofNullable(em.find(DevicePolicy.class, user.value()));
    }

    /**
     * The user's policy row, locked (SELECT ... FOR UPDATE) until the caller's transaction ends.
     * A missing row is created first in a transaction of its own, so that two first requests of
     * a user race on the insert there, not inside the use case, and both then lock the same row.
     */
    public DevicePolicy lock(UserId user) {
        DevicePolicy policy = em.find(DevicePolicy.class, user.value(), LockModeType.PESSIMISTIC_WRITE);
        if (policy != null) {
            return policy;
        }
        try {
            self.create(user);
        } catch (PersistenceException e) {
            // A concurrent request created the row first; its row is the one to lock.
            LOG.log(Level.FINE, "Device policy row created concurrently", e);
        }
        policy = em.find(DevicePolicy.class, user.value(), LockModeType.PESSIMISTIC_WRITE);
        if (policy == null) {
            throw new IllegalStateException("device policy row of a user vanished");
        }
        return policy;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void create(UserId user) {
        if (em.find(DevicePolicy.class, user.value()) == null) {
            em.persist(new DevicePolicy(user));
            em.flush();
        }
    }
}
