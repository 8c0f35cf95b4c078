package dev.tether.streams;

import dev.tether.platform.RefusedException;
import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import dev.tether.security.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Admins' view of any user's streams, their ending, the stream policies and the stream figures. */
@Path("/api/admin/streams")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StreamAdminResource {

    @Inject
    Streams streams;

    @Inject
    StreamAdministration administration;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("users/{user}")
    public List<StreamView> streamsOf(@PathParam("user") String user) {
        return streams.running(user(user));
    }

    @DELETE
    @Path("users/{user}/" + StreamsResource.LEASE_ID)
    public void end(@PathParam("user") String user, @PathParam("id") String id) {
        streams.endAny(currentUser.id(), user(user), id);
    }

    @GET
    @Path("policies")
    public List<PolicyView> policies() {
        return administration.policies();
    }

    @PUT
    @Path("policies/users/{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyView setForUser(@PathParam("user") String user, @Valid @NotNull PolicyRequest body) {
        return administration.setForUser(currentUser.id(), user(user), body);
    }

    @DELETE
    @Path("policies/users/{user}")
    public void clearForUser(@PathParam("user") String user) {
        administration.clearForUser(currentUser.id(), user(user));
    }

    @PUT
    @Path("policies/groups/{group}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PolicyView setForGroup(@PathParam("group") String group, @Valid @NotNull PolicyRequest body) {
        return administration.setForGroup(currentUser.id(), group, body);
    }

    @DELETE
    @Path("policies/groups/{group}")
    public void clearForGroup(@PathParam("group") String group) {
        administration.clearForGroup(currentUser.id(), group);
    }

    /** Running leases (all instances), and this instance's heartbeats, refusals and stop-oldest endings. */
    @GET
    @Path("stats")
    public StreamStats.View stats() {
        return administration.stats();
    }

    private static UserId user(String text) {
        if (!UserId.isWellFormed(text)) {
            throw new RefusedException(StreamRefusal.INVALID_USER, UserId.RULE + ".");
        }
        return new UserId(text);
    }
}
