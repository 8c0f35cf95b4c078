package dev.tether.binding.reset;

import dev.tether.binding.DeviceRequests;
import dev.tether.platform.RefusedException;
import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The first step of a two-person reset, under the user's admin path; another admin decides it at
 * {@code /api/admin/device-resets/{id}} ({@link DeviceResetResource}). A root resource of its own,
 * so that {@code binding}'s admin resource does not depend on the reset and the packages stay
 * acyclic: its longer path wins over {@code /api/admin/users/{user}} for this URL alone.
 */
@Path("/api/admin/users/{user}/device-resets")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResetResource {

    @Inject
    DeviceResets resets;

    @Inject
    CurrentUser currentUser;

    @PathParam("user")
    String user;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestReset(@Valid @NotNull ResetBody body) {
        Optional<Duration> validFor;
        try {
            validFor = Optional.ofNullable(body.validFor()).map(Duration::parse);
        } catch (DateTimeParseException e) {
            throw new RefusedException(ResetRefusal.INVALID_VALIDITY, "validFor: " + ResetBody.DURATION_RULE);
        }
        ResetView created = resets.request(currentUser.id(), DeviceRequests.user(user), body.reason(), validFor);
        return Response.status(Response.Status.CREATED)
                .header("Location", "api/admin/device-resets/" + created.id())
                .entity(created)
                .build();
    }
}
