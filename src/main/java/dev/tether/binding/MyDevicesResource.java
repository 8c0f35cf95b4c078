package dev.tether.binding;

import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A subscriber's self-service on their own devices. */
@Path("/api/devices")
@RequestScoped
@RolesAllowed(Roles.SUBSCRIBER)
@Produces(MediaType.APPLICATION_JSON)
public class MyDevicesResource {

    @Inject
    MyDevices service;

    @Inject
    CurrentUser currentUser;

    /** My active and revoked devices, most recently seen first. */
    @GET
    public List<DeviceView> list() {
        return service.list(currentUser.id());
    }

    @PATCH
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView rename(@PathParam("id") long id, @Valid @NotNull DeviceRequests.Rename body) {
        return service.rename(currentUser.id(), id, body.label());
    }

    /** Frees the device's slot; at most once per {@code tether.binding.removal-cooldown}. */
    @DELETE
    @Path("{id: [0-9]{1,18}}")
    public void remove(@PathParam("id") long id) {
        service.remove(currentUser.id(), id);
    }
}
