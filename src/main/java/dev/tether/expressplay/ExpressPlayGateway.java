package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
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

    public TokenUrl requestToken(TokenRequest request) {
        try {
            return calls.requestToken(request);
        } catch (FaultToleranceException e) {
            throw new ExpressPlayUnavailableException("ExpressPlay token API unavailable", e);
        }
    }

    /** The device that redeemed a token carrying {@code cookie}, if ExpressPlay has logged one. */
    public Optional<DeviceId> deviceOf(Cookie cookie) {
        try {
            return calls.deviceOf(cookie);
        } catch (FaultToleranceException e) {
            throw new ExpressPlayUnavailableException("ExpressPlay record retrieval unavailable", e);
        }
    }
}
