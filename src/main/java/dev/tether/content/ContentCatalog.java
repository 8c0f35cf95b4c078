package dev.tether.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The contents Tether can license. */
@ApplicationScoped
public class ContentCatalog {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public Optional<Content> find(ContentId id) {
        return Optional.ofNullable(em.find(Content.class, id.value()));
    }

    /** The dummy content of the registration step; the catalog should hold exactly one. */
    public Optional<Content> registrationContent() {
        List<Content> found = em.createQuery(
                        "select c from Content c where c.registration = true order by c.createdAt", Content.class)
                .setMaxResults(1)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Adds a content unless one with its id exists; used by the demo seed, so it never overwrites. */
    @Transactional
    public boolean addIfAbsent(Content content) {
        if (em.find(Content.class, content.id().value()) != null) {
            return false;
        }
        em.persist(content);
        return true;
    }
}
