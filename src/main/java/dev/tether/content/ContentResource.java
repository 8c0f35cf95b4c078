package dev.tether.content;

import dev.tether.platform.RefusedException;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The admin's catalog API. No answer carries a content key. */
@Path("/api/admin/content")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

    @Inject
    ContentAdministration service;

    @Inject
    CurrentUser currentUser;

    @GET
    public List<ContentView> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    public ContentView find(@PathParam("id") String id) {
        return service.find(contentId(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ContentRequests.Create body) {
        ContentView created = service.create(currentUser.id(), body);
        return Response.status(Response.Status.CREATED)
                .header("Location", "api/admin/content/" + created.contentId())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContentView update(@PathParam("id") String id, @Valid @NotNull ContentRequests.Update body) {
        return service.update(currentUser.id(), contentId(id), body);
    }

    /** Retires the title: no new token for it; the row stays for the audit trail. */
    @DELETE
    @Path("{id}")
    public ContentView retire(@PathParam("id") String id) {
        return service.retire(currentUser.id(), contentId(id));
    }

    /** Re-wraps every content key under the active master key (after a master key rotation). */
    @POST
    @Path("rewrap")
    public RewrapView rewrap() {
        return service.rewrapAll(currentUser.id());
    }

    private static ContentId contentId(String id) {
        if (!ContentId.isWellFormed(id)) {
            throw new RefusedException(ContentRefusal.INVALID_CONTENT_ID, "A content id is " + ContentId.RULE + ".");
        }
        return new ContentId(id);
    }
}
