package dev.tether.binding;

import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import dev.tether.security.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** An admin's operations on one user's devices (a reset of all of them: {@code binding.reset}). */
@Path("/api/admin/users/{user}")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceAdminResource {

    @Inject
    DeviceAdministration service;

    @Inject
    CurrentUser currentUser;

    @PathParam("user")
    String user;

    /** All of the user's devices, removed and revoked ones included. */
    @GET
    @Path("devices")
    public List<AdminDeviceView> devices() {
        return service.devicesOf(user());
    }

    @GET
    @Path("device-limit")
    public DeviceLimitView limit() {
        return service.limitOf(user());
    }

    /** Sets the user's device limit; {@code {"maxActiveDevices": null}} returns to the default. */
    @PUT
    @Path("device-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceLimitView setLimit(@Valid @NotNull DeviceRequests.Limit body) {
        return service.setLimit(currentUser.id(), user(), Optional.ofNullable(body.maxActiveDevices()));
    }

    @POST
    @Path("devices/{id: [0-9]{1,18}}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminDeviceView revoke(@PathParam("id") long id, @Valid @NotNull DeviceRequests.Reason body) {
        return service.revoke(currentUser.id(), user(), id, body.reason());
    }

    @POST
    @Path("devices/{id: [0-9]{1,18}}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public AdminDeviceView restore(@PathParam("id") long id, @Valid @NotNull DeviceRequests.Reason body) {
        return service.restore(currentUser.id(), user(), id, body.reason());
    }

    private UserId user() {
        return DeviceRequests.user(user);
    }
}
