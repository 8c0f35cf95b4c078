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
 * PlayReady's license acquisition URL: the player POSTs its challenge with the token as
 * {@code ExpressPlayToken}. A device-bound token licenses only the device it names.
 */
@Path("/expressplay/hms/pr/rights/LicensingService.ashx")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.DRM_LICENSE)
public class SimulatedPlayReadyLicenseApi {

    @Inject
    SimulatedLicenses licenses;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response acquire(@QueryParam("ExpressPlayToken") String token, InputStream body) {
        return licenses.license(
                SimulatedPlayReadyTokenApi.DRM, "PR_LICENSE", ErrorCodes.DEVICE_NOT_AUTHENTICATED, token, body);
    }
}
