package dev.tether.expressplay;

import dev.tether.web.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an ExpressPlay failure that reaches Tether's own API (the SEES endpoint answers in SEES
 * form instead): 503 with {@code Retry-After} while ExpressPlay is unavailable, 502 when it
 * refused. The retry hint is the circuit breaker's default open delay.
 */
@Provider
public class ExpressPlayExceptionMapper implements ExceptionMapper<ExpressPlayException> {

    static final int RETRY_AFTER_SECONDS = 10;

    @Override
    public Response toResponse(ExpressPlayException exception) {
        if (exception instanceof ExpressPlayRefusedException refused) {
            return Problem.of("expressplay-refused", "ExpressPlay refused", 502,
                    "ExpressPlay error " + refused.errorCode() + ": " + refused.getMessage()).toResponse();
        }
        Response problem = Problem.of("expressplay-unavailable", "ExpressPlay unavailable", 503,
                "ExpressPlay cannot be reached right now; try again later.").toResponse();
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
