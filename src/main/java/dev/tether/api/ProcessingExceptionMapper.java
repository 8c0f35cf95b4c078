package dev.tether.api;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * WildFly's RESTEasy wraps a request body that JSON-B cannot read in a {@link ProcessingException}:
 * that is the client's mistake, a 400. Any other processing failure is a bug, answered like one.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    private final AuditedRefusals edge = new AuditedRefusals(() -> security, () -> http);

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException) {
                return edge.audited(JsonbExceptionMapper.unreadable(), "UNREADABLE_BODY");
            }
        }
        return UnexpectedExceptionMapper.incident(exception);
    }
}
