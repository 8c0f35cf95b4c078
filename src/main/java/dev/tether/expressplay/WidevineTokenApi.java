package dev.tether.expressplay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ExpressPlay's Widevine token API ({@code https://wv-gen.{domain}/hms/wv/token}), with the same error rules as FairPlay's. */
@RegisterRestClient(configKey = "expressplay-widevine-token")
@RegisterProvider(ExpressPlayErrorMapper.class)
@Path("/hms/wv/token")
public interface WidevineTokenApi {

    /** Answers {@code text/uri-list}: the token URL. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({"text/uri-list", MediaType.APPLICATION_JSON})
    /** {@code parameters}: the form, already encoded ({@link ExpressPlayCalls#form}). */
    String requestToken(String parameters);
}
