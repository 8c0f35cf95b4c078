package dev.tether.identity;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The back-channel logout use case: a valid logout token is stored once (its {@code jti} refuses a
 * replay), and from then on every instance refuses the bearer tokens it covers, until
 * {@code tether.logout.token-lifetime} (the longest a bearer token of the IdP lives) has passed.
 * Expired records are removed on each logout. Every outcome is audited, refusals included.
 */
@ApplicationScoped
@RecordsRefusals
public class BackChannelLogouts {

    @Inject
    LogoutTokens tokens;

    @Inject
    LoggedOutSessions sessions;

    @Inject
    Decisions decisions;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "tether.logout.token-lifetime", defaultValue = "PT24H")
    Duration tokenLifetime;

    @Transactional
    public LogoutToken logout(String logoutToken, String clientAddress) {
        Instant now = Instant.now();
        Decision decision = decisions.open(AuditType.SESSION_LOGGED_OUT).request(null, clientAddress);
        LogoutToken token = tokens.validate(logoutToken, now);
        token.subject().filter(UserId::isWellFormed).map(UserId::new).ifPresent(decision::user);
        decision.detail().put("jti", token.jti());
        token.sessionId().ifPresent(sid -> decision.detail().put("sid", sid));
        if (sessions.knows(token.jti())) {
            throw new LogoutRefusedException(LogoutRefusal.REPLAYED, "This logout token was received before.");
        }
        Instant coversUntil = now.plus(tokenLifetime);
        int forgotten = sessions.forgetExpired(now);
        try {
            sessions.add(new LoggedOutSession(token, now, coversUntil));
        } catch (PersistenceException e) {
            // The same token, received by another instance at the same moment, was stored first.
            throw new LogoutRefusedException(LogoutRefusal.REPLAYED, "This logout token was received before.");
        }
        decision.detail().put("refusedUntil", coversUntil).put("expiredLogoutsForgotten", forgotten);
        audit.record(decision.granted(now).build());
        return token;
    }
}
