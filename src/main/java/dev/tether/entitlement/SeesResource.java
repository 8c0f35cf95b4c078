package dev.tether.entitlement;

import dev.tether.platform.Saturation;
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
import java.util.logging.Logger;

/**
 * The SEES entitlement endpoint, at {@code /sees/entitlement} and at the original SEES servlet's
 * path {@code /sees/SEESServlet}. It reads the request itself (rather than letting JSON-B bind it)
 * so that every malformed request gets a SEES answer that echoes what could be read.
 */
@Path("/sees")
@RequestScoped
@RolesAllowed(Roles.SUBSCRIBER)
public class SeesResource {

    private static final Logger LOG = Logger.getLogger(SeesResource.class.getName());

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
        Grant grant;
        try {
            grant = switch (request.type()) {
                case TIME_BASED -> service.timeBased(caller, request.contentId(), request.drm());
                case DEVICE_REGISTRATION ->
                    service.register(caller, request.contentId(), request.customerCookie(), request.drm());
                case DEVICE_BOUND ->
                    service.deviceBound(caller, request.contentId(), request.customerCookie(), request.drm());
            };
        } catch (RuntimeException e) {
            throw busy(request, e);
        }
        return EntitlementResponse.granted(request.messageId(), grant, request.type() == RequestType.DEVICE_BOUND);
    }

    /**
     * A full pool of Tether's own (the database's) is 4005, as its full bulkhead is: retryable, and
     * not ExpressPlay's fault. It is logged, not audited: the trail would need a connection too.
     * Anything else goes on to its mapper.
     */
    private static RuntimeException busy(EntitlementRequest request, RuntimeException e) {
        return Saturation.limitReached(e)
                .<RuntimeException>map(limit -> {
                    Saturation.refused(limit);
                    LOG.warning(
                            () -> "Tether busy for a " + request.type() + " request: the " + limit.text() + " is full");
                    return new EntitlementRefusedException(
                            SeesError.TETHER_BUSY,
                            request.messageId(),
                            SeesError.TETHER_BUSY.text() + " (its " + limit.text() + " is full)");
                })
                .orElse(e);
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
