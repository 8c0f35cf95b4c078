package dev.simulator.http;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of a simulator endpoint becomes problem details: its own refusals, invalid bodies
 * (bean validation, unreadable JSON), the container's own 404/405/415, and, logged, anything else.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class Refusals implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return e.toResponse();
        }
    }

    @Provider
    public static class InvalidBodies implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return Problem.response(
                    400, "invalid-body", "Bad request", "The body does not meet the endpoint's constraints.");
        }
    }

    /** RESTEasy on WildFly wraps an unreadable JSON-B body in a ProcessingException. */
    @Provider
    public static class UnreadableBodies implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(400, "unreadable-body", "Bad request", "The body cannot be read.");
        }
    }

    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.log(Level.WARNING, "simulator request failed", e);
            }
            String title = Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return Problem.response(status, "http-" + status, title, null);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "simulator request failed", e);
            return Problem.response(500, "internal", "Internal error", null);
        }
    }
}
