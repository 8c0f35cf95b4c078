package dev.tether.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * WildFly's RESTEasy wraps a request body that JSON-B cannot read in a {@link ProcessingException}:
 * that is the client's mistake, a 400. Any other processing failure is a bug, answered like one.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException) {
                return JsonbExceptionMapper.unreadable();
            }
        }
        return UnexpectedExceptionMapper.incident(exception);
    }
}
