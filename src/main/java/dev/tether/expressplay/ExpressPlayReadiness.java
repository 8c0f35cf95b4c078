package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while ExpressPlay rejects the customer authenticator: no token can be issued until an
 * operator corrects the configuration, and the reason says so. An outage of ExpressPlay does not
 * make Tether unready (it answers, truthfully, with retryable refusals); only this fault does.
 * While rejected, the check asks again at most once a minute, with a lookup of a cookie nobody
 * holds, so a corrected account (or a passing glitch) makes the node ready again by itself.
 */
@Readiness
@ApplicationScoped
public class ExpressPlayReadiness implements HealthCheck {

    static final String NAME = "expressplay-account";
    static final Duration RECHECK = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ExpressPlayReadiness.class.getName());

    @Inject
    ExpressPlayAccount account;

    @Inject
    ExpressPlayGateway gateway;

    @Override
    public HealthCheckResponse call() {
        if (account.dueForRecheck(Instant.now(), RECHECK)) {
            recheck();
        }
        return account.rejection()
                .map(r -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("reason", r.reason())
                        .withData("since", r.at().toString())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).up().build());
    }

    private void recheck() {
        try {
            gateway.deviceOf(
                    new Cookie("readiness-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (ExpressPlayException e) {
            // The outcome is in the account's state: a 401 renews the rejection, an answer ends it.
            LOG.fine(() -> "Readiness recheck of the ExpressPlay account: " + e.getMessage());
        }
    }
}
