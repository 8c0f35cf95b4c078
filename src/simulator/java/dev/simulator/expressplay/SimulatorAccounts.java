package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The customer authenticators the simulator accepts. */
@ApplicationScoped
public class SimulatorAccounts {

    /** Separated by ';', because an authenticator itself contains a comma. */
    @Inject
    @ConfigProperty(name = "simulator.customer-authenticators", defaultValue = "1000,00112233445566778899aabbccddeeff")
    String authenticators;

    /** Empty if accepted, else the ExpressPlay error code: missing or invalid authenticator. */
    Optional<Integer> check(String authenticator) {
        if (authenticator == null || authenticator.isEmpty()) {
            return Optional.of(ErrorCodes.AUTHENTICATOR_MISSING);
        }
        boolean known =
                Arrays.stream(authenticators.split(";")).map(String::strip).anyMatch(authenticator::equals);
        return known ? Optional.empty() : Optional.of(ErrorCodes.AUTHENTICATOR_INVALID);
    }
}
