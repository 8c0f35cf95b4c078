package dev.tether.identity;

import dev.tether.platform.Jsonp;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenID Connect Back-Channel Logout 1.0: the IdP POSTs a {@code logout_token} here when a
 * session ends. No bearer token: the logout token's signature is the IdP's authentication.
 * Answered 200 on success and 400 with {@code error} on a refusal, never cached (section 2.8).
 */
@Path("/oidc/backchannel-logout")
@RequestScoped
@PermitAll
public class BackChannelLogoutResource {

    @Inject
    BackChannelLogouts logouts;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response logout(@FormParam("logout_token") String logoutToken) {
        logouts.logout(logoutToken, http.getRemoteAddr());
        return Response.ok(Jsonp.provider().createObjectBuilder().build().toString())
                .header("Cache-Control", "no-store")
                .build();
    }
}
