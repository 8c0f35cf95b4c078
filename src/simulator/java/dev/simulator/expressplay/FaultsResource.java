package dev.simulator.expressplay;

import dev.simulator.http.ProblemException;
import dev.simulator.sso.AdminOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Fault injection into the simulated ExpressPlay, for a development-SSO token with the
 * {@code admin} group: add a fault, list the faults with what is left of them and the calls each endpoint
 * received, clear them all.
 */
@Path("/faults")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class FaultsResource {

    /** The faults, the call counters, and the most calls served at once since the last reset. */
    public record State(
            List<FaultView> faults,
            Map<SimulatedEndpoint, Long> calls,
            Map<SimulatedEndpoint, Integer> maxConcurrentCalls) {}

    @Inject
    FaultInjector injector;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@NotNull @Valid FaultRequest fault) {
        if ((fault.count() == null) == (fault.fraction() == null)) {
            throw ProblemException.badRequest("fault-scope", "Give exactly one of 'count' and 'fraction'.");
        }
        if (fault.kind() == FaultKind.LATENCY && fault.latencyMs() == null) {
            throw ProblemException.badRequest("fault-latency", "A LATENCY fault needs 'latencyMs'.");
        }
        if (fault.kind() == FaultKind.HOLD_BACK
                && ((fault.endpoint() != SimulatedEndpoint.RIGHTS && fault.endpoint() != SimulatedEndpoint.DRM_LICENSE)
                        || fault.latencyMs() == null)) {
            throw ProblemException.badRequest(
                    "fault-hold-back",
                    "A HOLD_BACK fault holds redemptions back: it needs endpoint 'RIGHTS' and 'latencyMs'.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(injector.add(fault).view())
                .build();
    }

    @GET
    public State state() {
        return new State(injector.faults(), injector.calls(), injector.maxConcurrentCalls());
    }

    @DELETE
    public Response reset() {
        injector.reset();
        return Response.noContent().build();
    }
}
