package dev.tether.expressplay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ExpressPlay's PlayReady token API ({@code https://pr-gen.{domain}/hms/pr/token}). Its sample
 * answer is JSON with the license acquisition URL and the token, its status table says
 * {@code text/uri-list}: both are read (PlayReadyCalls).
 */
@RegisterRestClient(configKey = "expressplay-playready-token")
@RegisterProvider(ExpressPlayErrorMapper.class)
@Path("/hms/pr/token")
public interface PlayReadyTokenApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.APPLICATION_JSON, "text/uri-list"})
    /** {@code parameters}: the form, already encoded ({@link ExpressPlayCalls#form}). */
    String requestToken(String parameters);
}
