package dev.tether.identity;

import dev.tether.platform.PublicLinks;
import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import dev.tether.security.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SCIM 2.0 {@code /scim/v2/Users}, the subset an IdP uses to provision and deprovision (RFC
 * 7644): search by {@code filter=userName eq "..."}, create, read, replace, PATCH and delete.
 * The caller is the IdP's provisioning client: a bearer token of the SSO with the role
 * {@value Roles#PROVISIONER}, whose subject is the actor of every audit event.
 */
@Path("/scim/v2/Users")
@RequestScoped
@RolesAllowed(Roles.PROVISIONER)
@Produces({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimUsersResource {

    /** A SCIM body is a few hundred bytes; a large one is refused before it is parsed. */
    @Inject
    @ConfigProperty(name = "tether.scim.max-body-bytes", defaultValue = "65536")
    int maxBodyBytes;

    @Context
    HttpHeaders headers;

    static final int MAX_PAGE = 200;

    private static final Pattern FILTER =
            Pattern.compile("\\s*userName\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);

    @Inject
    ScimUsers users;

    @Inject
    CurrentUser caller;

    @Context
    UriInfo uri;

    @Inject
    PublicLinks links;

    @GET
    public String search(
            @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count) {
        caller.id();
        Optional<UserId> userName = filter == null ? Optional.empty() : Optional.of(userNameOf(filter));
        int start = Math.max(1, number("startIndex", startIndex, 1));
        int size = Math.min(MAX_PAGE, Math.max(0, number("count", count, 100)));
        ScimUsers.Page page = users.search(userName, start, size);
        return ScimJson.list(
                        page.users().stream()
                                .map(u -> ScimJson.render(u, location(u)))
                                .toList(),
                        page.total(),
                        start)
                .toString();
    }

    @GET
    @Path("{id}")
    public String read(@PathParam("id") String id) {
        caller.id();
        DirectoryUser user = users.find(id).orElseThrow(() -> ScimUsers.notFound(id));
        return ScimJson.render(user, location(user)).toString();
    }

    @POST
    @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response create(InputStream body) {
        String actor = caller.id().value();
        DirectoryUser created = users.create(actor, ScimJson.user(ScimJson.object(read(body))));
        String location = location(created);
        // A header, not Response.created: that would resolve a path against the request's Host.
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, location)
                .type(ScimJson.MEDIA_TYPE)
                .entity(ScimJson.render(created, location).toString())
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public String replace(@PathParam("id") String id, InputStream body) {
        String actor = caller.id().value();
        ScimUser replacement = ScimJson.user(ScimJson.object(read(body)));
        DirectoryUser user = users.replace(actor, id, replacement);
        return ScimJson.render(user, location(user)).toString();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public String patch(@PathParam("id") String id, InputStream body) {
        String actor = caller.id().value();
        ScimPatch patch = ScimJson.patch(ScimJson.object(read(body)));
        DirectoryUser user = users.patch(actor, id, patch);
        return ScimJson.render(user, location(user)).toString();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        users.delete(caller.id().value(), id);
        return Response.noContent().build();
    }

    /** The user's URL (its id is a UUID), from configuration or as a path: never from the {@code Host}. */
    private String location(DirectoryUser user) {
        return links.to(uri, "scim/v2/Users/" + user.id());
    }

    /** The one filter an IdP sends before it creates a user: {@code userName eq "..."}. */
    private static UserId userNameOf(String filter) {
        Matcher matcher = FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw ScimJson.refused(ScimRefusal.INVALID_FILTER, "Tether answers only the filter userName eq \"...\".");
        }
        String value = matcher.group(1).replaceAll("\\\\(.)", "$1");
        if (!UserId.isWellFormed(value)) {
            throw ScimJson.refused(ScimRefusal.INVALID_FILTER, "userName: " + UserId.RULE + ".");
        }
        return new UserId(value);
    }

    private static int number(String name, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimJson.refused(ScimRefusal.INVALID_VALUE, name + " is an integer.");
        }
    }

    /**
     * At most {@code tether.scim.max-body-bytes}, and never compressed: an IdP sends SCIM bodies
     * plain, and a compressed one could inflate past any limit counted on the wire.
     */
    private byte[] read(InputStream body) {
        String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            throw ScimJson.refused(
                    ScimRefusal.COMPRESSED_BODY, "A compressed request body (Content-Encoding) is not accepted.");
        }
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parses(length) > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ScimJson.refused(ScimRefusal.INVALID_SYNTAX, "The body could not be read.");
        }
    }

    private ScimRefusedException tooLarge() {
        return ScimJson.refused(ScimRefusal.TOO_LARGE, "A SCIM body is at most " + maxBodyBytes + " bytes.");
    }

    /** A Content-Length the container accepted; anything unreadable counts as too large. */
    private static long parses(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
