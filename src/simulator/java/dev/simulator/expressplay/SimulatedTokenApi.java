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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ExpressPlay's FairPlay token API, {@code /hms/fp/token}, by GET or form POST. It validates as
 * ExpressPlay does and answers with its error codes; on success, {@code text/uri-list} with a
 * rights URL on this simulator.
 */
@Path("/expressplay/hms/fp/token")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.TOKEN)
public class SimulatedTokenApi {

    /**
     * The device-binding token restriction, by the one name documented for it: Adobe's "Device
     * Binding" page (multi-drm-workflows/package-license-play/licensing-widevine-client-device-binding)
     * writes "the deviceid token restriction parameter", and ExpressPlay's parameter names are
     * case-sensitive. A parameter of any other name is ignored, as the real service is assumed to
     * do (assumed: undocumented), so a client that misspells it gets a token bound to no device.
     */
    static final String DEVICE_RESTRICTION = "deviceid";

    /** Asks for an https token URL: seen in public client code, not in the parameter table (assumed). */
    static final String USE_HTTPS = "useHttps";

    static final int MAX_COOKIE_LENGTH = 32;
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

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
        Optional<Integer> account = accounts.check(p.getFirst("customerAuthenticator"));
        if (account.isPresent()) {
            return SimulatorErrors.refuse(account.get(), ErrorCodes.message(account.get()), json);
        }
        if (!accounts.serves(p.getFirst("customerAuthenticator"), SimulatedToken.FAIRPLAY)) {
            return SimulatorErrors.refuse(
                    ErrorCodes.FAIRPLAY_DISABLED, ErrorCodes.message(ErrorCodes.FAIRPLAY_DISABLED), json);
        }
        String key = p.getFirst("contentKey");
        if (key == null || key.isEmpty()) {
            return SimulatorErrors.refuse(ErrorCodes.BAD_CONTENT_KEY, "contentKey missing", json);
        }
        if (!HEX32.matcher(key).matches()) {
            return SimulatorErrors.refuse(ErrorCodes.CONTENT_KEY_NOT_HEX, "contentKey must be 32 hex digits", json);
        }
        String iv = p.getFirst("iv");
        if (iv == null || !HEX32.matcher(iv).matches()) {
            return SimulatorErrors.refuse(ErrorCodes.BAD_IV, "iv must be 32 hex digits", json);
        }
        Instant now = Instant.now();
        Optional<Instant> expiry = ExpirationTime.parse(p.getFirst("expirationTime"), now);
        if (expiry.isEmpty()) {
            return SimulatorErrors.refuse(
                    ErrorCodes.BAD_EXPIRATION,
                    "expirationTime must be RFC 3339 UTC or +seconds, in the future and at most 30 days ahead",
                    json);
        }
        String rental = p.getFirst("rentalDuration");
        if (rental != null && !DIGITS.matcher(rental).matches()) {
            return SimulatorErrors.refuse(
                    ErrorCodes.BAD_RENTAL_DURATION, "rentalDuration must be a whole number of seconds", json);
        }
        String cookie = p.getFirst("cookie");
        if (cookie != null && (cookie.isEmpty() || cookie.length() > MAX_COOKIE_LENGTH)) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_COOKIE, "cookie must be 1 to 32 characters", json);
        }
        String device = p.getFirst(DEVICE_RESTRICTION);
        if (device != null && device.isEmpty()) {
            device = null;
        }
        if (device != null && !accounts.bindsDevices(p.getFirst("customerAuthenticator"))) {
            return SimulatorErrors.refuse(
                    ErrorCodes.DEVICE_BINDING_UNSUPPORTED,
                    ErrorCodes.message(ErrorCodes.DEVICE_BINDING_UNSUPPORTED),
                    json);
        }
        SimulatedToken token = new SimulatedToken(
                keyReference(key),
                Optional.ofNullable(cookie),
                Optional.ofNullable(device),
                expiry.get(),
                rental == null ? 0 : Long.parseLong(rental));
        // Without useHttps=true ExpressPlay's older samples show http URLs (DOMAIN.md), so the
        // simulator answers http then, whatever scheme it was asked over; with it, the scheme it
        // was reached by (plain http in the development run, https in a production-like one).
        String scheme = "true".equals(p.getFirst(USE_HTTPS)) ? uri.getBaseUri().getScheme() : "http";
        String rightsUrl = uri.getBaseUriBuilder()
                .scheme(scheme)
                .path("expressplay/hms/fp/rights/")
                .queryParam("ExpressPlayToken", token.sign(keys.tokenSecret()))
                .build()
                .toString();
        return Response.ok(rightsUrl + "\r\n", "text/uri-list").build();
    }

    /** What the token says of its key: enough for a CKC to name it, never the key itself. */
    static String keyReference(String keyHex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(keyHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
