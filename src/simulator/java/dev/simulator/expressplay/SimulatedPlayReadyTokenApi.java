package dev.simulator.expressplay;

import dev.simulator.http.Jsonp;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ExpressPlay's PlayReady token API, {@code /hms/pr/token}, from its parameter table (DOMAIN.md):
 * {@code rightsType} {@code BuyToOwn} or {@code Rental} (-2020 missing, -2021 invalid); a rental
 * is persistent ({@code generalFlags=00000001}, else -2025) with a {@code rental.periodEndTime}
 * (RFC 3339 Z or {@code +N}, -2022) and an optional {@code rental.playDuration} (-2023); the five
 * output protection levels required (-5006) and 0–999 (-2034); {@code unknownOutputBehavior}
 * {@code Allow}, {@code Disallow} or {@code SDOnly} (-5001 otherwise: assumed); a device id of 32
 * hex digits (-5004; the all-zero id is -5005 "Invalid device ID": which ids are invalid is not
 * documented, assumed). The device restriction's name is not in the table: {@code deviceid}, as for
 * FairPlay (assumed). Success: the sample's JSON, a license acquisition URL on this simulator and
 * the token.
 */
@Path("/expressplay/hms/pr/token")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.PLAYREADY_TOKEN)
public class SimulatedPlayReadyTokenApi {

    static final String DRM = "playready";
    static final String DEVICE_RESTRICTION = "deviceid";
    static final String PERSISTENT = "00000001";
    static final List<String> OPLS = List.of(
            "analogVideoOPL",
            "compressedDigitalAudioOPL",
            "compressedDigitalVideoOPL",
            "uncompressedDigitalAudioOPL",
            "uncompressedDigitalVideoOPL");

    private static final Pattern RELATIVE = Pattern.compile("\\+[0-9]{1,9}");
    private static final Pattern ABSOLUTE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

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
        DrmTokenParameters.Checked checked = DrmTokenParameters.check(p, accounts, DRM, ErrorCodes.PLAYREADY_DISABLED);
        if (checked.refusal().isPresent()) {
            return checked.refusal().get();
        }
        String rightsType = p.getFirst("rightsType");
        if (rightsType == null || rightsType.isEmpty()) {
            return SimulatorErrors.refuse(ErrorCodes.RIGHTS_TYPE_MISSING, "rightsType is required", json);
        }
        if (!rightsType.equals("BuyToOwn") && !rightsType.equals("Rental")) {
            return SimulatorErrors.refuse(
                    ErrorCodes.RIGHTS_TYPE_INVALID, "rightsType must be BuyToOwn or Rental", json);
        }
        String flags = p.getFirst("generalFlags");
        if (flags != null && !flags.equals("00000000") && !flags.equals(PERSISTENT)) {
            return SimulatorErrors.refuse(ErrorCodes.GENERAL_FLAGS_INVALID, "invalid generalFlags", json);
        }
        Map<String, String> rights = new LinkedHashMap<>();
        rights.put("kid", p.getFirst("kid"));
        rights.put("rightsType", rightsType);
        rights.put("persistent", Boolean.toString(PERSISTENT.equals(flags)));
        long playDuration = 0;
        if (rightsType.equals("Rental")) {
            if (!PERSISTENT.equals(flags)) {
                return SimulatorErrors.refuse(
                        ErrorCodes.RENTAL_NOT_PERSISTENT, ErrorCodes.message(ErrorCodes.RENTAL_NOT_PERSISTENT), json);
            }
            String periodEnd = p.getFirst("rental.periodEndTime");
            Optional<Instant> end = periodEnd(periodEnd, Instant.now());
            if (end.isEmpty()) {
                return SimulatorErrors.refuse(
                        ErrorCodes.RENTAL_PERIOD_INVALID,
                        "rental.periodEndTime is required for a rental: RFC 3339 UTC or +seconds, in the future",
                        json);
            }
            rights.put("rental.periodEndTime", periodEnd);
            String play = p.getFirst("rental.playDuration");
            if (play != null) {
                if (DrmTokenParameters.integer(play, 0, Integer.MAX_VALUE).isEmpty()) {
                    return SimulatorErrors.refuse(
                            ErrorCodes.RENTAL_PLAY_DURATION_INVALID,
                            "rental.playDuration must be a whole number of seconds",
                            json);
                }
                rights.put("rental.playDuration", play);
                playDuration = Long.parseLong(play);
            }
        }
        for (String opl : OPLS) {
            String value = p.getFirst(opl);
            if (value == null || value.isEmpty()) {
                return SimulatorErrors.refuse(ErrorCodes.OPL_MISSING, opl + " is required", json);
            }
            if (DrmTokenParameters.integer(value, 0, 999).isEmpty()) {
                return SimulatorErrors.refuse(ErrorCodes.OUTPUT_CONTROL_OUT_OF_RANGE, opl + " must be 0 to 999", json);
            }
            rights.put(opl, value);
        }
        String unknown = p.getFirst("unknownOutputBehavior");
        if (unknown != null) {
            if (!unknown.equals("Allow") && !unknown.equals("Disallow") && !unknown.equals("SDOnly")) {
                return SimulatorErrors.refuse(
                        ErrorCodes.UNKNOWN_OUTPUT_TYPE,
                        "unknownOutputBehavior must be Allow, Disallow or SDOnly",
                        json);
            }
            rights.put("unknownOutputBehavior", unknown);
        }
        String device = p.getFirst(DEVICE_RESTRICTION);
        if (device != null) {
            if (!DrmTokenParameters.HEX32.matcher(device).matches()) {
                return SimulatorErrors.refuse(
                        ErrorCodes.DEVICE_ID_NOT_32_HEX, ErrorCodes.message(ErrorCodes.DEVICE_ID_NOT_32_HEX), json);
            }
            if (device.chars().allMatch(c -> c == '0')) {
                return SimulatorErrors.refuse(
                        ErrorCodes.DEVICE_ID_INVALID, ErrorCodes.message(ErrorCodes.DEVICE_ID_INVALID), json);
            }
            device = device.toLowerCase(java.util.Locale.ROOT);
        }
        SimulatedToken token = new SimulatedToken(
                SimulatedTokenApi.keyReference(p.getFirst("contentKey")),
                Optional.ofNullable(p.getFirst("cookie")),
                Optional.ofNullable(device),
                checked.expiry(),
                playDuration,
                DRM,
                rights);
        String licenseUrl = uri.getBaseUriBuilder()
                .path("expressplay/hms/pr/rights/LicensingService.ashx")
                .build()
                .toString();
        String body = Jsonp.provider()
                .createObjectBuilder()
                .add("licenseAcquisitionUrl", licenseUrl)
                .add("token", token.sign(keys.tokenSecret()))
                .build()
                .toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code rental.periodEndTime}: RFC 3339 UTC or {@code +N} seconds, in the future. */
    static Optional<Instant> periodEnd(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        Instant end;
        if (RELATIVE.matcher(value).matches()) {
            end = now.plusSeconds(Long.parseLong(value.substring(1)));
        } else if (ABSOLUTE.matcher(value).matches()) {
            try {
                end = Instant.parse(value);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return end.isAfter(now) ? Optional.of(end) : Optional.empty();
    }
}
