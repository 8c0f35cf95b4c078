package dev.tether.api;

import dev.tether.platform.Saturation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug must not leak a stack trace or an internal message to a client. The full
 * exception goes to the log under an incident id that the answer carries, so support can find it
 * (the log line carries the request id too, as every line of a request does). A full connection
 * pool is no bug: it is 503 {@code tether-busy} with {@code Retry-After}.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return Saturation.limitReached(exception)
                .map(UnexpectedExceptionMapper::busy)
                .orElseGet(() -> incident(exception));
    }

    /** Tether's own pool was full: not a bug, and a retry in a moment will pass. */
    private static Response busy(Saturation.Limit limit) {
        Saturation.refused(limit);
        LOG.warning(() -> "Tether busy: the " + limit.text() + " is full");
        return Response.fromResponse(Problem.of(
                                "tether-busy",
                                "Tether is busy",
                                503,
                                "Tether is serving as many requests as it is sized for (its " + limit.text()
                                        + " is full); try again in a second.")
                        .toResponse())
                .header("Retry-After", "1")
                .build();
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
