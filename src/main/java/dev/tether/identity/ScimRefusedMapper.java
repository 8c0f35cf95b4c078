package dev.tether.identity;

import dev.tether.audit.RequestRefusals;
import dev.tether.security.UserId;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Answers a SCIM refusal in the SCIM error format (RFC 7644 section 3.12), the form an IdP's
 * provisioning engine reads. A refusal no use case recorded (a malformed body, an unknown id) is
 * recorded here as a refused request of the provisioning client, as the API's other mappers do.
 */
@Provider
public class ScimRefusedMapper implements ExceptionMapper<ScimRefusedException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Override
    public Response toResponse(ScimRefusedException refused) {
        ScimRefusal refusal = refused.refusal();
        if (!refused.isRecorded()) {
            record(refusal);
        }
        return Response.status(refusal.status())
                .type(ScimJson.MEDIA_TYPE)
                .entity(ScimJson.error(refusal, refused.detail()).toString())
                .build();
    }

    private void record(ScimRefusal refusal) {
        Principal principal = security.getUserPrincipal();
        if (principal == null || !UserId.isWellFormed(principal.getName())) {
            return;
        }
        CDI.current()
                .select(RequestRefusals.class)
                .get()
                .record(
                        new UserId(principal.getName()),
                        refusal.name(),
                        refusal.status(),
                        http.getMethod(),
                        http.getRequestURI(),
                        http.getRemoteAddr());
    }
}
