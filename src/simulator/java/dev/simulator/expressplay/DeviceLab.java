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
import java.util.regex.Pattern;

/**
 * The device side of the simulation: makes the SPC that a player with a given device id would
 * send for an asset, encrypted to the simulator's key server. Tether itself never reads an SPC.
 */
@Path("/devices/{deviceId}/spc")
@RequestScoped
public class DeviceLab {

    private static final Pattern HU = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    SimulatorKeys keys;

    @POST
    public Response spc(@PathParam("deviceId") String deviceId, @QueryParam("assetId") String assetId) {
        if (!HU.matcher(deviceId).matches()) {
            throw ProblemException.badRequest(
                    "bad-device-id", "A simulated device id is 40 hex digits (the 20-byte HU).");
        }
        if (assetId == null || !ASSET.matcher(assetId).matches()) {
            throw ProblemException.badRequest(
                    "bad-asset-id",
                    "Query parameter 'assetId' is required: 1 to 128 letters, digits, '.', '_', ':' or '-'.");
        }
        byte[] spc =
                SimulatedSpc.build(keys.keyServer().getPublic(), deviceId.toLowerCase(java.util.Locale.ROOT), assetId);
        return Response.ok(spc, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }
}
