package dev.tether.content;

import dev.tether.platform.CreationLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The contents Tether can license. Joins the caller's transaction. */
@ApplicationScoped
public class ContentCatalog {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    ContentKeys keys;

    /** A title, retired or not. */
    public Optional<Content> find(ContentId id) {
        return Optional.ofNullable(em.find(Content.class, id.value()));
    }

    public List<Content> all() {
        return em.createQuery("select c from Content c order by c.contentId", Content.class)
                .getResultList();
    }

    /** The dummy content of the registration step; the catalog should hold exactly one that is not retired. */
    public Optional<Content> registrationContent() {
        List<Content> found = em.createQuery(
                        "select c from Content c where c.registration = true "
                                + "and c.retiredAt is null order by c.createdAt",
                        Content.class)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }

    /** The title's key, unwrapped (once per wrapped key), with its IV. */
    public KeyMaterial keyMaterial(Content content) {
        return new KeyMaterial(keys.tokenKeyHex(content.wrappedKey(), content.id()), content.ivHex());
    }

    public void add(Content content) {
        em.persist(content);
        em.flush();
    }

    /**
     * Adds each content whose id is absent, never overwriting; the demo seed's. Under the creation
     * lock, so that instances seeding one empty database at once add each title once: the second
     * waits for the first's commit, then finds its titles. Returns how many were added.
     */
    @Transactional
    public int seed(List<Content> contents) {
        CreationLock.DEMO_SEED.acquire(em);
        int added = 0;
        for (Content content : contents) {
            if (em.find(Content.class, content.id().value()) == null) {
                em.persist(content);
                added++;
            }
        }
        return added;
    }
}
