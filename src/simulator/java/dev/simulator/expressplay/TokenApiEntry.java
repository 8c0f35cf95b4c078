package dev.simulator.expressplay;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The entry points every simulated token API shares: ExpressPlay takes a token request's
 * parameters as a GET query or as a form POST alike, and answers both the same way.
 */
abstract class TokenApiEntry {

    @Inject
    SimulatorAccounts accounts;

    @Inject
    SimulatorKeys keys;

    @Context
    UriInfo uri;

    @GET
    public Response get() {
        return issue(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        return issue(form);
    }

    /** The token for {@code parameters}, or ExpressPlay's refusal of them. */
    abstract Response issue(MultivaluedMap<String, String> parameters);
}
