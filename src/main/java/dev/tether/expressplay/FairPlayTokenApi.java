package dev.tether.expressplay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ExpressPlay's FairPlay token API. The parameters go as a form because the name of the device
 * restriction is configurable (it is not confirmed by ExpressPlay's documentation).
 */
@RegisterRestClient(configKey = "expressplay-token")
@RegisterProvider(ExpressPlayErrorMapper.class)
@Path("/hms/fp/token")
public interface FairPlayTokenApi {

    /** Answers {@code text/uri-list}: the token URL. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"text/uri-list", MediaType.APPLICATION_JSON})
    /** {@code parameters}: the form, already encoded ({@link ExpressPlayCalls#form}). */
    String requestToken(String parameters);
}
