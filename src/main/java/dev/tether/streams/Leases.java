package dev.tether.streams;

import dev.tether.binding.DeviceId;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stream leases, in the queries the use cases need; joins the caller's transaction. */
@ApplicationScoped
public class Leases {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public Optional<Lease> find(String id) {
        return Optional.ofNullable(em.find(Lease.class, id));
    }

    /**
     * Reads the lease again: under the user's lock, what concurrent transactions committed. False
     * when the row is gone: the purge, which takes no user's lock, deleted it, long stopped.
     */
    public boolean refresh(Lease lease) {
        try {
            em.refresh(lease);
            return true;
        } catch (EntityNotFoundException gone) {
            return false;
        }
    }

    public void add(Lease lease) {
        em.persist(lease);
    }

    /** The user's running leases, oldest first. */
    public List<Lease> running(UserId user, Instant now) {
        return em.createQuery(
                        "SELECT l FROM Lease l WHERE l.userId = :user AND l.endedAt IS NULL AND l.expiresAt > :now"
                                + " ORDER BY l.startedAt, l.id",
                        Lease.class)
                .setParameter("user", user.value())
                .setParameter("now", now)
                .getResultList();
    }

    public long countRunning(UserId user, Instant now) {
        return em.createQuery(
                        "SELECT COUNT(l) FROM Lease l WHERE l.userId = :user AND l.endedAt IS NULL"
                                + " AND l.expiresAt > :now",
                        Long.class)
                .setParameter("user", user.value())
                .setParameter("now", now)
                .getSingleResult();
    }

    /**
     * The user's leases that no one ended, oldest first: the running ones and those that expired
     * without anyone noticing yet, which the admission tells apart by their expiry.
     */
    public List<Lease> unended(UserId user) {
        return em.createQuery(
                        "SELECT l FROM Lease l WHERE l.userId = :user AND l.endedAt IS NULL ORDER BY l.startedAt, l.id",
                        Lease.class)
                .setParameter("user", user.value())
                .getResultList();
    }

    /** The user's running leases on one device, or on all of them (empty device). */
    public List<Lease> runningOn(UserId user, Optional<DeviceId> device, Instant now) {
        return running(user, now).stream()
                .filter(l -> device.isEmpty() || l.device().equals(device))
                .toList();
    }

    /**
     * Renews a running lease of {@code user}: one conditional update by key, which cannot revive a
     * lease that was ended or that expired, whichever instance ended it. True if it was renewed.
     */
    public boolean renew(String id, UserId user, Instant now, Instant expiresAt) {
        return em.createQuery("UPDATE Lease l SET l.renewedAt = :now, l.expiresAt = :expires"
                                + " WHERE l.id = :id AND l.userId = :user AND l.endedAt IS NULL"
                                + " AND l.expiresAt > :now")
                        .setParameter("now", now)
                        .setParameter("expires", expiresAt)
                        .setParameter("id", id)
                        .setParameter("user", user.value())
                        .executeUpdate()
                == 1;
    }

    /**
     * Deletes every lease that stopped before {@code before}: safe on every instance at any time,
     * since a stopped lease is never read for a decision again, only for a late heartbeat's 409,
     * and no admission locks or changes it.
     */
    public int purge(Instant before) {
        return em.createQuery("DELETE FROM Lease l WHERE l.endedAt IS NOT NULL AND l.endedAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Every running lease, for the metrics gauge. */
    public long countAllRunning(Instant now) {
        return em.createQuery("SELECT COUNT(l) FROM Lease l WHERE l.endedAt IS NULL AND l.expiresAt > :now", Long.class)
                .setParameter("now", now)
                .getSingleResult();
    }
}
