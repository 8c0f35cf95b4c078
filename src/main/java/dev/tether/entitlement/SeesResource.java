package dev.tether.entitlement;

import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The SEES entitlement endpoint, at {@code /sees/entitlement} and at the original SEES servlet's
 * path {@code /sees/SEESServlet}. It reads the request itself (rather than letting JSON-B bind it)
 * so that every malformed request gets a SEES answer that echoes what could be read.
 */
@Path("/sees")
@RequestScoped
@RolesAllowed(Roles.SUBSCRIBER)
public class SeesResource {

    @Inject
    EntitlementService service;

    @Inject
    SeesRequests requests;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpServletRequest http;

    @POST
    @Path("entitlement")
    @Produces(MediaType.APPLICATION_JSON)
    public EntitlementResponse entitlement(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            InputStream body) {
        Caller anonymous = new Caller(currentUser.id(), currentUser.groups(), null, http.getRemoteAddr());
        EntitlementRequest request =
                requests.read(body, http.getContentLengthLong(), contentType, contentEncoding, anonymous);
        Caller caller = anonymous.forRequest(request.messageId());
        Grant grant = switch (request.type()) {
            case TIME_BASED -> service.timeBased(caller, request.contentId(), request.drm());
            case DEVICE_REGISTRATION ->
                service.register(caller, request.contentId(), request.customerCookie(), request.drm());
            case DEVICE_BOUND ->
                service.deviceBound(caller, request.contentId(), request.customerCookie(), request.drm());
        };
        return EntitlementResponse.granted(request.messageId(), grant, request.type() == RequestType.DEVICE_BOUND);
    }

    /** The path of the original SEES servlet, for clients written against it. */
    @POST
    @Path("SEESServlet")
    @Produces(MediaType.APPLICATION_JSON)
    public EntitlementResponse seesServlet(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
            InputStream body) {
        return entitlement(contentType, contentEncoding, body);
    }
}
