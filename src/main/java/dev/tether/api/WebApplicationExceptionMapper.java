package dev.tether.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type,
 * missing role) the same problem details shape as the rest of the API, without internal detail.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    private final AuditedRefusals edge = new AuditedRefusals(() -> security, () -> http);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() == 401 || status.getStatusCode() == 403 && security.getUserPrincipal() == null) {
            // A caller without credentials lacks authentication, not a role. Liberty's container
            // answers 401 before JAX-RS runs; WildFly leaves @RolesAllowed to RESTEasy, which says 403.
            return Response.fromResponse(Problem.of("unauthorized", "Unauthorized", 401, null)
                            .toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build();
        }
        if (status.getStatusCode() == 415) {
            // JSON is the one body Tether takes: a body of another type is a malformed request.
            return edge.audited(
                    Problem.of(
                                    BodyRefusal.BAD_CONTENT_TYPE.slug(),
                                    "Bad request",
                                    400,
                                    BodyRefusal.BAD_CONTENT_TYPE.text())
                            .toResponse(),
                    BodyRefusal.BAD_CONTENT_TYPE.name());
        }
        String slug =
                status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return edge.audited(
                Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), null)
                        .toResponse(),
                AuditedRefusals.reasonOf(slug));
    }
}
