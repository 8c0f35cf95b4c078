package dev.tether.audit.syslog;

import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The syslog push's lag, for monitoring. Not an audit event itself: it holds no event, and a
 * monitor polls it every few seconds.
 */
@Path("/api/audit/ledger/syslog")
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class SyslogResource {

    @Inject
    SyslogPush push;

    @Operation(
            summary = "The syslog push's lag",
            description =
                    "Events and checkpoints appended but not yet confirmed by the collector, the oldest one's age, the last delivery and failure.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SyslogStatus status() {
        return push.status();
    }
}
