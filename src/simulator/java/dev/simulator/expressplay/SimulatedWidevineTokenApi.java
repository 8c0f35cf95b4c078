package dev.simulator.expressplay;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ExpressPlay's Widevine token API, {@code /hms/wv/token}, from its parameter table (DOMAIN.md):
 * {@code securityLevel} 1–5 and {@code hdcpOutputControl} 0–2 required, {@code licenseDuration}
 * optional (seconds), {@code generalFlags} only {@code 0000}, and no device binding (-7002 for a
 * device restriction). Which of -7003/-7004 is "missing" and which "invalid" is assumed. Success:
 * {@code text/uri-list}, a rights URL on this simulator.
 */
@Path("/expressplay/hms/wv/token")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.WIDEVINE_TOKEN)
public class SimulatedWidevineTokenApi {

    static final String DRM = "widevine";

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

    private Response issue(MultivaluedMap<String, String> p) {
        boolean json = "json".equals(p.getFirst("errorFormat"));
        DrmTokenParameters.Checked checked = DrmTokenParameters.check(p, accounts, DRM, ErrorCodes.WIDEVINE_DISABLED);
        if (checked.refusal().isPresent()) {
            return checked.refusal().get();
        }
        String level = p.getFirst("securityLevel");
        if (level == null || level.isEmpty()) {
            return SimulatorErrors.refuse(ErrorCodes.SECURITY_LEVEL_MISSING, "securityLevel is required", json);
        }
        if (DrmTokenParameters.integer(level, 1, 5).isEmpty()) {
            return SimulatorErrors.refuse(ErrorCodes.SECURITY_LEVEL_INVALID, "securityLevel must be 1 to 5", json);
        }
        if (DrmTokenParameters.integer(p.getFirst("hdcpOutputControl"), 0, 2).isEmpty()) {
            return SimulatorErrors.refuse(ErrorCodes.HDCP_INVALID, "hdcpOutputControl is required: 0, 1 or 2", json);
        }
        String duration = p.getFirst("licenseDuration");
        if (duration != null
                && DrmTokenParameters.integer(duration, 0, Integer.MAX_VALUE).isEmpty()) {
            return SimulatorErrors.refuse(
                    ErrorCodes.LICENSE_DURATION_INVALID, "licenseDuration must be a whole number of seconds", json);
        }
        String flags = p.getFirst("generalFlags");
        if (flags != null && !"0000".equals(flags)) {
            return SimulatorErrors.refuse(ErrorCodes.GENERAL_FLAGS_INVALID, "generalFlags must be 0000", json);
        }
        if (p.getFirst(SimulatedTokenApi.DEVICE_RESTRICTION) != null) {
            return SimulatorErrors.refuse(
                    ErrorCodes.WIDEVINE_DEVICE_BINDING_UNSUPPORTED,
                    ErrorCodes.message(ErrorCodes.WIDEVINE_DEVICE_BINDING_UNSUPPORTED),
                    json);
        }
        Map<String, String> rights = new LinkedHashMap<>();
        rights.put("kid", p.getFirst("kid"));
        rights.put("securityLevel", level);
        rights.put("hdcpOutputControl", p.getFirst("hdcpOutputControl"));
        if (duration != null) {
            rights.put("licenseDuration", duration);
        }
        if (p.getFirst("contentId") != null) {
            rights.put("contentId", p.getFirst("contentId"));
        }
        SimulatedToken token = new SimulatedToken(
                SimulatedTokenApi.keyReference(p.getFirst("contentKey")),
                Optional.ofNullable(p.getFirst("cookie")),
                Optional.empty(),
                checked.expiry(),
                duration == null ? 0 : Long.parseLong(duration),
                DRM,
                rights);
        String rightsUrl = uri.getBaseUriBuilder()
                .path("expressplay/hms/wv/rights/")
                .queryParam("ExpressPlayToken", token.sign(keys.tokenSecret()))
                .build()
                .toString();
        return Response.ok(rightsUrl + "\r\n", "text/uri-list").build();
    }
}
