package dev.tether.identity;

import dev.tether.platform.Jsonp;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused logout token: 400, {@code error: invalid_request} and a description, not cached, as
 * OpenID Connect Back-Channel Logout 1.0 section 2.8 answers it. Its use case recorded it already.
 */
@Provider
public class LogoutRefusedMapper implements ExceptionMapper<LogoutRefusedException> {

    @Override
    public Response toResponse(LogoutRefusedException refused) {
        String body = Jsonp.provider()
                .createObjectBuilder()
                .add("error", "invalid_request")
                .add("error_description", refused.detail())
                .build()
                .toString();
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body)
                .build();
    }
}
