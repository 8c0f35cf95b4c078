package dev.tether.platform;

import jakarta.persistence.EntityManager;

/**
 * The database locks (migration 7, table {@code creation_lock}) under which a row is created
 * only if absent: a transaction that holds one finds a row a concurrent one created rather than
 * colliding with it on its key. Held until the caller's transaction ends, so keep it short.
 */
public enum CreationLock {
    /** The demo catalog, which every instance seeds at start-up. */
    DEMO_SEED("demo-seed"),
    /** A user's device policy row, created on the user's first device decision. */
    DEVICE_POLICY("device-policy");

    private final String row;

    CreationLock(String row) {
        this.row = row;
    }

    /** Takes the lock in {@code em}'s transaction, waiting for any other holder. */
    public void acquire(EntityManager em) {
        em.createNativeQuery("SELECT name FROM creation_lock WHERE name = ?1 FOR UPDATE")
                .setParameter(1, row)
                .getResultList();
    }
}
