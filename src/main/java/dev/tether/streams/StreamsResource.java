package dev.tether.streams;

import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A subscriber's streams: the player's heartbeat and stop, and the user's list of what plays.
 * An ended or expired lease answers 409 with the problem type {@code stream-ended}.
 */
@Path("/api/streams")
@RequestScoped
@RolesAllowed(Roles.SUBSCRIBER)
@Produces(MediaType.APPLICATION_JSON)
public class StreamsResource {

    /** A lease id: a UUID. */
    static final String LEASE_ID = "{id: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";

    @Inject
    Streams streams;

    @Inject
    StreamAdministration administration;

    @Inject
    CurrentUser currentUser;

    /** My running streams, oldest first. */
    @GET
    public List<StreamView> running() {
        return streams.running(currentUser.id());
    }

    /** The stream policy that applies to me, and how many of my streams run. */
    @GET
    @Path("policy")
    public EffectivePolicyView policy() {
        return administration.effective(currentUser.id(), currentUser.groups());
    }

    /** Renews the lease; answers when to renew again and how many of how many streams run. */
    @POST
    @Path(LEASE_ID + "/heartbeat")
    public HeartbeatView heartbeat(@PathParam("id") String id) {
        return streams.heartbeat(currentUser.id(), id);
    }

    /** Ends one of my streams (the player stopped, or I stop one to start another). */
    @DELETE
    @Path(LEASE_ID)
    public void end(@PathParam("id") String id) {
        streams.endMine(currentUser.id(), id);
    }
}
