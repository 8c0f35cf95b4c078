package dev.simulator.expressplay;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Widevine's rights URL: the player POSTs its license challenge. Widevine tokens carry no device
 * restriction, so any device is licensed; its id is still logged against the token's cookie.
 */
@Path("/expressplay/hms/wv/rights")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.DRM_LICENSE)
public class SimulatedWidevineRightsApi {

    @Inject
    SimulatedLicenses licenses;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response redeem(@QueryParam("ExpressPlayToken") String token, InputStream body) {
        return licenses.license(
                SimulatedWidevineTokenApi.DRM, "WV_LICENSE", ErrorCodes.LICENSE_GENERATION_FAILED, token, body);
    }
}
