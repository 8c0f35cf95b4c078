package dev.tether.console;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's sign-in settings, read by the page before it signs in: no token, since it is what
 * the page needs to get one. It holds no secret (the console is a public client with PKCE).
 */
@Path("/api/console/config")
@RequestScoped
@PermitAll
@Tag(name = "Console", description = "The audit console's own settings")
public class ConsoleConfigResource {

    @Inject
    ConsoleSettings settings;

    @Operation(
            summary = "The console's sign-in settings",
            description =
                    "The IdP's authorization and token endpoints, the console's public client id and scope (PKCE, no secret); configured false when unset.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response config() {
        return Response.ok(settings.config())
                .header("Cache-Control", "no-store")
                .build();
    }
}
