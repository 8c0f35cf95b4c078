package dev.simulator.expressplay;

import dev.simulator.http.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The device side of Widevine and PlayReady: the license challenge a player with a given device id
 * sends for an asset. A PlayReady device id is 32 hex digits, as ExpressPlay validates it (-5004);
 * a Widevine device is given one of the same shape (assumed: Widevine's is not documented, and
 * it cannot bind anyway).
 */
@Path("/devices/{deviceId}/challenge")
@RequestScoped
public class DrmDeviceLab {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    SimulatorKeys keys;

    @POST
    public Response challenge(
            @PathParam("deviceId") String deviceId,
            @QueryParam("drm") String drm,
            @QueryParam("assetId") String assetId) {
        if (!"widevine".equals(drm) && !"playready".equals(drm)) {
            throw ProblemException.badRequest(
                    "bad-drm", "Query parameter 'drm' is widevine or playready (FairPlay devices make SPCs).");
        }
        if (!HEX32.matcher(deviceId).matches()) {
            throw ProblemException.badRequest(
                    "bad-device-id", "A simulated Widevine or PlayReady device id is 32 hex digits.");
        }
        if (assetId == null || !ASSET.matcher(assetId).matches()) {
            throw ProblemException.badRequest(
                    "bad-asset-id",
                    "Query parameter 'assetId' is required: 1 to 128 letters, digits, '.', '_', ':' or '-'.");
        }
        byte[] challenge =
                new SimulatedChallenge(drm, deviceId.toLowerCase(Locale.ROOT), assetId).sign(keys.tokenSecret());
        return Response.ok(challenge, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }
}
