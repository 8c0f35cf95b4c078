package dev.tether.content;

import dev.tether.web.DatabaseMigration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finishes migration V3 for databases that held content keys in clear (V1's content_key_hex):
 * SQL cannot encrypt, so at start-up every clear key is wrapped under the active master key and
 * its clear column set to NULL, one statement per title that only applies while the clear key is
 * still there, so two servers starting together cannot disturb each other. A later migration drops
 * the column once every deployment has started once.
 */
@ApplicationScoped
public class ContentKeySealing {

    private static final Logger LOG = Logger.getLogger(ContentKeySealing.class.getName());

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    ContentKeys keys;

    @Transactional
    void onStartup(@Observes @Priority(DatabaseMigration.PRIORITY + 10) Startup startup) {
        @SuppressWarnings("unchecked")
        List<Object[]> clear = em.createNativeQuery(
                "select content_id, content_key_hex from content where content_key_hex is not null").getResultList();
        int sealed = 0;
        for (Object[] row : clear) {
            ContentId id = new ContentId((String) row[0]);
            WrappedKey wrapped = keys.wrap((String) row[1], id);
            sealed += em.createNativeQuery("update content set wrapped_key = ?1, master_key_id = ?2, "
                            + "content_key_hex = null where content_id = ?3 and content_key_hex is not null")
                    .setParameter(1, wrapped.sealed())
                    .setParameter(2, wrapped.masterKeyId())
                    .setParameter(3, id.value())
                    .executeUpdate();
        }
        if (sealed > 0) {
            int count = sealed;
            LOG.info(() -> "Wrapped " + count + " content keys that were stored in clear under master key " + keys.activeId());
        }
    }
}
