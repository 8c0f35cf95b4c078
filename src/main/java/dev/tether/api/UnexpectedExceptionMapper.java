package dev.tether.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug must not leak a stack trace or an internal message to a client. The full
 * exception goes to the log under an incident id that the answer carries, so support can find it
 * (the log line carries the request id too, as every line of a request does).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return incident(exception);
    }

    static Response incident(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(
                        "internal-error",
                        "Internal error",
                        500,
                        "The request could not be completed; quote incident " + incident + " to support.")
                .toResponse();
    }
}
