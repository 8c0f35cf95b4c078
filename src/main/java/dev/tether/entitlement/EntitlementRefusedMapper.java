package dev.tether.entitlement;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refusal in SEES form: 400 for a malformed request, 200 for a policy refusal. */
@Provider
public class EntitlementRefusedMapper implements ExceptionMapper<EntitlementRefusedException> {

    @Override
    public Response toResponse(EntitlementRefusedException refusal) {
        int status = refusal.error().isMalformedRequest() ? 400 : 200;
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(EntitlementResponse.refused(refusal.messageId(), refusal.error(), refusal.text()))
                .build();
    }
}
