package dev.tether.audit;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a refusal of Tether's own API that no use case recorded because it came before any use
 * case decided (a body that cannot be read, a parameter out of range, an unknown id or path): one
 * {@link AuditType#REQUEST_REFUSED} event, whose user and actor is the caller, in a transaction of
 * its own. The README promises an event for every refusal; without this, a refusal at the edge
 * would leave none.
 */
@ApplicationScoped
public class RequestRefusals {

    /** The request path kept in the detail, at most this long: it is the client's text. */
    static final int MAX_PATH = 200;

    @Inject
    AuditTrail trail;

    public void record(UserId caller, String reasonCode, int status, String method, String path, String clientAddress) {
        Decision decision = new Decision(AuditType.REQUEST_REFUSED)
                .user(caller)
                .actor(caller)
                .request(null, clientAddress);
        decision.detail()
                .put("status", status)
                .put("method", method)
                .put("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
        trail.commit(decision.refused(reasonCode, Instant.now()));
    }

    /**
     * Records the first request refused in a window by a rate limit ({@code RATE_LIMITED}): the
     * caller's, or, for a request without a user, the client address's. The window's further
     * refusals are not recorded, so that a flood of requests cannot flood the trail.
     */
    public void rateLimited(
            Optional<UserId> caller, String scope, int perMinute, String method, String path, String clientAddress) {
        Decision decision = new Decision(AuditType.REQUEST_REFUSED)
                .user(caller.orElse(null))
                .actor(caller.orElse(null))
                .request(null, clientAddress);
        decision.detail()
                .put("status", 429)
                .put("scope", scope)
                .put("perMinute", perMinute)
                .put("method", method)
                .put("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
        trail.commit(decision.refused("RATE_LIMITED", Instant.now()));
    }
}
