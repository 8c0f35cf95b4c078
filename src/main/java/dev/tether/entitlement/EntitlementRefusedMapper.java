package dev.tether.entitlement;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a refusal in SEES form: 400 for a malformed request (413 for one too large), 200 for a policy refusal, with
 * {@code Retry-After} for one that passes by itself (Tether busy, ExpressPlay unavailable).
 */
@Provider
public class EntitlementRefusedMapper implements ExceptionMapper<EntitlementRefusedException> {

    @Override
    public Response toResponse(EntitlementRefusedException refusal) {
        Response.ResponseBuilder response = Response.status(refusal.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(EntitlementResponse.refused(refusal.messageId(), refusal.error(), refusal.text()));
        refusal.error().retryAfter().ifPresent(wait -> response.header("Retry-After", Long.toString(wait.toSeconds())));
        return response.build();
    }
}
