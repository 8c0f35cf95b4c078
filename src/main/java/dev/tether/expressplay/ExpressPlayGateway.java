package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.ExpressPlayStats.Endpoint;
import dev.tether.expressplay.ExpressPlayStats.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Tether's way to ExpressPlay. Returns domain values or throws an {@link ExpressPlayException}:
 * a timeout, an open circuit or a full bulkhead all become {@link ExpressPlayUnavailableException}.
 * This bean sits outside {@link ExpressPlayCalls} because fault-tolerance exceptions are raised by
 * the interceptors around that bean, where its own code cannot catch them.
 */
@ApplicationScoped
public class ExpressPlayGateway {

    @Inject
    ExpressPlayCalls calls;

    @Inject
    ExpressPlayStats stats;

    public TokenUrl requestToken(TokenRequest request) {
        return guarded(Endpoint.TOKEN, () -> calls.requestToken(request));
    }

    /** The devices ExpressPlay's history shows redeeming a token carrying {@code cookie}. */
    public CookieRedemptions deviceOf(Cookie cookie) {
        return guarded(Endpoint.RECORDS, () -> calls.deviceOf(cookie));
    }

    private <T> T guarded(Endpoint endpoint, Supplier<T> call) {
        try {
            T result = call.get();
            stats.ended(endpoint, Outcome.SUCCEEDED);
            return result;
        } catch (ExpressPlayException e) {
            stats.ended(
                    endpoint,
                    e instanceof ExpressPlayRefusedException
                            ? Outcome.REFUSED
                            : e instanceof ExpressPlayMisbehavedException ? Outcome.MISBEHAVED : Outcome.UNAVAILABLE);
            throw e;
        } catch (FaultToleranceException e) {
            Outcome outcome = e instanceof CircuitBreakerOpenException
                    ? Outcome.CIRCUIT_OPEN
                    : e instanceof BulkheadException ? Outcome.BULKHEAD_FULL : Outcome.TIMED_OUT;
            stats.ended(endpoint, outcome);
            throw new ExpressPlayUnavailableException("ExpressPlay " + endpoint + " unavailable: " + outcome, e);
        }
    }
}
