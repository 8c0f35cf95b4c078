package dev.tether.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The sessions the IdP logged out, shared by every instance through the database. */
@ApplicationScoped
public class LoggedOutSessions {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    public boolean knows(String jti) {
        return em.find(LoggedOutSession.class, jti) != null;
    }

    /** Stores the logout now, so that a concurrent replay of its jti loses on the key here. */
    public void add(LoggedOutSession session) {
        em.persist(session);
        em.flush();
    }

    /** Forgets logouts whose tokens have all expired; returns how many. */
    public int forgetExpired(Instant now) {
        return em.createQuery("delete from LoggedOutSession s where s.coversUntil < :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Whether a bearer token from {@code issuer} with {@code sid} (its session) or else
     * {@code subject} issued at {@code issuedAt} was logged out: its session was, or, by a logout
     * that named no session, its subject was after the token was issued. A token without a
     * {@code sid} cannot be told apart from the logged-out session's, so any logout of its
     * subject after it was issued covers it.
     */
    @Transactional
    public boolean covers(String issuer, Optional<String> sid, String subject, Instant issuedAt, Instant now) {
        // One query for both rules, asked on every authenticated request (issue 22: it was two).
        String bySession = sid.isPresent() ? "s.sessionId = :sid or " : "";
        String bySubject = "(s.subject = :sub and s.loggedOutAt >= :issued"
                + (sid.isPresent() ? " and s.sessionId is null)" : ")");
        var query = em.createQuery(
                        "select count(s) from LoggedOutSession s where s.issuer = :issuer and s.coversUntil >= :now"
                                + " and (" + bySession + bySubject + ")",
                        Long.class)
                .setParameter("issuer", issuer)
                .setParameter("sub", subject)
                .setParameter("issued", issuedAt)
                .setParameter("now", now);
        sid.ifPresent(value -> query.setParameter("sid", value));
        return query.getSingleResult() > 0;
    }
}
