package dev.tether.identity;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The provisioned users. Joins the caller's transaction. */
@ApplicationScoped
public class UserDirectory {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** The user with SCIM id {@code id}, locked for the change about to be made, unless deleted. */
    public Optional<DirectoryUser> lock(String id) {
        DirectoryUser user = em.find(DirectoryUser.class, id, LockModeType.PESSIMISTIC_WRITE);
        return user == null || user.isDeleted() ? Optional.empty() : Optional.of(user);
    }

    public Optional<DirectoryUser> find(String id) {
        DirectoryUser user = em.find(DirectoryUser.class, id);
        return user == null || user.isDeleted() ? Optional.empty() : Optional.of(user);
    }

    /** The row for {@code user}, deleted or not. */
    public Optional<DirectoryUser> byUserName(UserId user) {
        return em
                .createQuery("select u from DirectoryUser u where u.userName = :name", DirectoryUser.class)
                .setParameter("name", user.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Users not deleted, in creation order, a page of them. */
    public List<DirectoryUser> page(int first, int count) {
        return em.createQuery(
                        "select u from DirectoryUser u where u.deleted = false order by u.createdAt, u.id",
                        DirectoryUser.class)
                .setFirstResult(first)
                .setMaxResults(count)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from DirectoryUser u where u.deleted = false", Long.class)
                .getSingleResult();
    }

    /** Whether the directory ended this user's access (deactivated or deleted). */
    public boolean hasEnded(UserId user) {
        return em.createQuery(
                                "select count(u) from DirectoryUser u where u.userName = :name and u.active = false",
                                Long.class)
                        .setParameter("name", user.value())
                        .getSingleResult()
                > 0;
    }

    public void add(DirectoryUser user) {
        em.persist(user);
        em.flush();
    }

    /** Writes the change now: observers of a deprovisioning and the audit ledger's lock come after it. */
    public void flush() {
        em.flush();
    }
}
