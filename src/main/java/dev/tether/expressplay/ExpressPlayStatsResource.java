package dev.tether.expressplay;

import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The operator's view of ExpressPlay's health as Tether experiences it. */
@Path("/api/expressplay/stats")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ExpressPlayStatsResource {

    @Inject
    ExpressPlayStats stats;

    @GET
    public Map<ExpressPlayStats.Endpoint, ExpressPlayStats.EndpointStats> stats() {
        return stats.snapshot();
    }
}
