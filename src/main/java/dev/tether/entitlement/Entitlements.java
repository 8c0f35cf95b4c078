package dev.tether.entitlement;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.binding.Cookie;
import dev.tether.content.ContentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The entry to the SEES use cases. It sits outside their transactions so that a use case that
 * lost a race (two requests resolving one cookie at once, on one server or two) can run again in
 * a new transaction, where it finds the winner's binding and device instead of failing. The
 * database's row locks, versions and unique keys decide the race, not a JVM lock.
 */
@ApplicationScoped
public class Entitlements {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(Entitlements.class.getName());

    @Inject
    EntitlementService service;

    @Inject
    AuditTrail audit;

    public Grant timeBased(Caller caller, ContentId contentId) {
        return service.timeBased(caller, contentId);
    }

    public Grant register(Caller caller, ContentId contentId, Optional<String> cookie) {
        return service.register(caller, contentId, cookie);
    }

    public Grant deviceBound(Caller caller, ContentId contentId, Optional<String> cookie) {
        for (int attempt = 1; ; attempt++) {
            try {
                return service.deviceBound(caller, contentId, cookie);
            } catch (ConcurrentDecisionException e) {
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.WARNING, "Gave up after losing " + ATTEMPTS + " races", e);
                    audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_BOUND_TOKEN,
                                    SeesError.CONCURRENT_REQUESTS.name(), Instant.now())
                            .user(caller.user()).content(contentId).cookie(cookie.filter(Cookie::isWellFormed).orElse(null))
                            .request(caller.requestId(), caller.clientAddress()).build());
                    throw new EntitlementRefusedException(SeesError.CONCURRENT_REQUESTS, caller.requestId(),
                            SeesError.CONCURRENT_REQUESTS.text());
                }
                int lost = attempt;
                LOG.fine(() -> "Lost a race on attempt " + lost + ", asking again");
            }
        }
    }
}
