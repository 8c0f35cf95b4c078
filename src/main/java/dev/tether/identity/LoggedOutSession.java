package dev.tether.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted back-channel logout: the session ({@code sid}) or, without one, the subject whose
 * tokens issued before {@link #loggedOutAt} are refused, kept in the database so every instance
 * refuses them, until {@link #coversUntil} (when every token it covers has expired). Its key is
 * the logout token's {@code jti}: a replayed logout token cannot be stored twice.
 */
@Entity
@Table(name = "logged_out_session")
public class LoggedOutSession {

    @Id
    @Column(name = "jti", nullable = false, updatable = false)
    private String jti;

    @Column(name = "issuer", nullable = false, updatable = false)
    private String issuer;

    @Column(name = "session_id", updatable = false)
    private String sessionId;

    @Column(name = "subject", updatable = false)
    private String subject;

    @Column(name = "logged_out_at", nullable = false, updatable = false)
    private Instant loggedOutAt;

    @Column(name = "covers_until", nullable = false, updatable = false)
    private Instant coversUntil;

    protected LoggedOutSession() {}

    public LoggedOutSession(LogoutToken token, Instant now, Instant coversUntil) {
        this.jti = Objects.requireNonNull(token.jti());
        this.issuer = token.issuer();
        this.sessionId = token.sessionId().orElse(null);
        this.subject = token.subject().orElse(null);
        this.loggedOutAt = now;
        this.coversUntil = coversUntil;
    }

    public String jti() {
        return jti;
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }
}
