package dev.tether.simulator;

import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import dev.tether.web.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Fault injection into the simulated ExpressPlay, for the {@code admin} role, while the simulator
 * is on: add a fault, list the faults with what is left of them and the calls each endpoint
 * received, clear them all.
 */
@Path("/simulator/faults")
@RequestScoped
@SimulatorEndpoint
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FaultsResource {

    /** The faults and the call counters. */
    public record State(List<FaultView> faults, Map<SimulatedEndpoint, Long> calls) {
    }

    @Inject
    FaultInjector injector;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@NotNull @Valid FaultRequest fault) {
        if ((fault.count() == null) == (fault.fraction() == null)) {
            throw ApiException.badRequest("fault-scope", "Give exactly one of 'count' and 'fraction'.");
        }
        if (fault.kind() == FaultKind.LATENCY && fault.latencyMs() == null) {
            throw ApiException.badRequest("fault-latency", "A LATENCY fault needs 'latencyMs'.");
        }
        return Response.status(Response.Status.CREATED).entity(injector.add(fault).view()).build();
    }

    @GET
    public State state() {
        return new State(injector.faults(), injector.calls());
    }

    @DELETE
    public Response reset() {
        injector.reset();
        return Response.noContent().build();
    }
}
