package dev.tether.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type,
 * missing role) the same problem details shape as the rest of the API, without internal detail.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), null).toResponse();
    }
}
