package dev.tether.audit;

import dev.tether.security.Roles;
import dev.tether.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The auditor's read access to the trail. */
@Path("/api/audit/events")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 500;

    @Inject
    AuditTrail trail;

    /** A user's most recent events, newest first. */
    @GET
    public List<AuditEventView> search(@QueryParam("user") String user,
                                       @QueryParam("limit") @DefaultValue("50") int limit) {
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("missing-filter", "Query parameter 'user' is required.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("bad-limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return trail.latestOf(user, limit).stream().map(AuditEventView::of).toList();
    }
}
