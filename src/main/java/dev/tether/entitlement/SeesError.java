package dev.tether.entitlement;

import dev.tether.binding.Cookie;
import dev.tether.platform.Refusal;
import java.time.Duration;
import java.util.Optional;

/**
 * Tether's SEES error codes, the {@code error} and {@code errorText} of a refused entitlement
 * response. Codes are stable: clients branch on them. 1xxx: the request itself; 2xxx: the
 * content and its policy; 3xxx: the cookie, the device, the device policy and the stream limit; 4xxx: ExpressPlay.
 */
public enum SeesError implements Refusal {
    INVALID_REQUEST(1001, true, "The request is not a valid SEES entitlement request."),
    UNSUPPORTED_VERSION(
            1002, true, "This protocol version is not supported; the response carries the supported version."),
    UNKNOWN_REQUEST_TYPE(
            1003, true, "requestType must be 1 (time-based), 2 (device registration) or 3 (device-bound)."),
    TOO_MANY_REQUESTS(1004, false, "Too many requests from this user or address; try again after Retry-After."),
    UNKNOWN_CONTENT(2001, false, "No content with this contentID can be licensed."),
    CONTENT_RETIRED(2002, false, "This title is no longer available."),
    GROUP_REQUIRED(2003, false, "Your subscription does not include this title."),
    DRM_NOT_AVAILABLE(
            2005,
            false,
            "This title is not available for this DRM; ask with another drm (fairplay, widevine or playready) this title is packaged for."),
    DEVICE_BINDING_REQUIRED(
            2004,
            false,
            "This title plays only on a registered device: register it (requestType 2), then ask for a device-bound token (requestType 3)."),
    COOKIE_MALFORMED(3001, false, "customerCookie must be " + Cookie.RULE + "."),
    NOT_REGISTERED(3002, false, "This cookie was never registered; register the device first (requestType 2)."),
    COOKIE_OF_ANOTHER_USER(
            3003, false, "This cookie belongs to another user; register this device for yourself (requestType 2)."),
    COOKIE_EXPIRED(3004, false, "This registration has expired; register the device again (requestType 2)."),
    COOKIE_IN_USE(3005, false, "This cookie is already in use; send none and Tether will choose one."),
    DEVICE_NOT_REDEEMED(
            3006,
            false,
            "The device has not redeemed its registration token yet; play the registration content with this cookie, then ask again."),
    CONCURRENT_REQUESTS(3007, false, "Other requests for this device are being decided right now; try again."),
    DEVICE_LIMIT_REACHED(
            3008,
            false,
            "You have reached your limit of active devices. Free a slot: remove a device you no longer use in your device list (DELETE /api/devices/{id}, one removal per cooldown period) or ask support to reset your devices, then ask again."),
    DEVICE_REVOKED(
            3009,
            false,
            "This device has been blocked for your account by an administrator and gets no new licenses; contact support."),
    DEVICE_REMOVED(3010, false, "This device was removed from your account; register it again (requestType 2)."),
    REDEEMED_ON_SEVERAL_DEVICES(
            3011,
            false,
            "The registration token of this cookie was played on more than one device, so it cannot be told which one is yours; register this device again (requestType 2) and play the registration content on it alone."),
    STREAM_LIMIT_REACHED(
            3012,
            false,
            "Stop one of your streams (DELETE /api/streams/{id}; GET /api/streams lists them) or wait for one to end, then ask again."),
    USER_DEPROVISIONED(
            3013,
            false,
            "Your access to this service has ended (your account was deactivated in your organisation's directory); contact your administrator."),
    EXPRESSPLAY_REFUSED(4001, false, "ExpressPlay refused to issue the token."),
    EXPRESSPLAY_UNAVAILABLE(4002, false, "ExpressPlay is unavailable right now; try again shortly."),
    DEVICE_BINDING_UNSUPPORTED(4003, false, "Device binding is not supported by this ExpressPlay account."),
    NO_REGISTRATION_CONTENT(
            4004, false, "Device registration is not configured: the catalog has no registration content."),
    TETHER_BUSY(
            4005,
            false,
            "Tether is serving as many license requests as it is sized for right now; try again in a second."),
    DRM_DISABLED(4006, false, "This DRM is disabled for Tether's ExpressPlay account; ask with another drm."),
    DRM_NOT_CONFIGURED(
            4007, false, "This Tether is not configured for this DRM's ExpressPlay token API; ask with another drm.");

    private final int code;
    private final boolean malformedRequest;
    private final String text;

    SeesError(int code, boolean malformedRequest, String text) {
        this.code = code;
        this.malformedRequest = malformedRequest;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** A malformed request is answered with HTTP 400; a policy refusal with 200, as SEES clients expect. */
    public boolean isMalformedRequest() {
        return malformedRequest;
    }

    public String text() {
        return text;
    }

    /**
     * How long a client should wait before it asks again, for the refusals that pass by themselves
     * (answered as {@code Retry-After}); empty for the others.
     */
    public Optional<Duration> retryAfter() {
        return switch (this) {
            case TETHER_BUSY, TOO_MANY_REQUESTS -> Optional.of(Duration.ofSeconds(1));
            case EXPRESSPLAY_UNAVAILABLE -> Optional.of(Duration.ofSeconds(10));
            case CONCURRENT_REQUESTS, DEVICE_NOT_REDEEMED -> Optional.of(Duration.ofSeconds(1));
            default -> Optional.empty();
        };
    }

    /** A malformed request is invalid; any other refusal is one of the request's state. */
    @Override
    public Kind kind() {
        return malformedRequest ? Kind.INVALID : Kind.CONFLICT;
    }

    @Override
    public String slug() {
        return "sees-" + code;
    }
}
