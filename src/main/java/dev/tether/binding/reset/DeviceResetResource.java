package dev.tether.binding.reset;

import dev.tether.binding.DeviceRequests;
import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The second step of a two-person reset: another admin approves or rejects it. */
@Path("/api/admin/device-resets/{id: [0-9]{1,18}}")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResetResource {

    @Inject
    DeviceResets resets;

    @Inject
    CurrentUser currentUser;

    @PathParam("id")
    long id;

    @GET
    public ResetView find() {
        return resets.find(id);
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResetView approve(@Valid @NotNull DeviceRequests.Reason body) {
        return resets.approve(currentUser.id(), id, body.reason());
    }

    @POST
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResetView reject(@Valid @NotNull DeviceRequests.Reason body) {
        return resets.reject(currentUser.id(), id, body.reason());
    }
}
