package dev.tether.simulator;

import dev.tether.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hides every simulator endpoint (ExpressPlay simulator, device lab, development SSO) when
 * {@code tether.simulator.enabled=false}, as if it did not exist.
 */
@Provider
@SimulatorEndpoint
public class SimulatorSwitch implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "tether.simulator.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled) {
            request.abortWith(Problem.of("not-found", "Not Found", 404, null).toResponse());
        }
    }
}
