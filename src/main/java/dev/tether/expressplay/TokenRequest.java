package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.Drm;
import dev.tether.content.DrmRights;
import dev.tether.content.KeyMaterial;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Tether asks ExpressPlay to put into a token: the key material, the expiration time, and
 * optionally a rental duration, a cookie and a device restriction, for the DRM of {@code rights}
 * with that DRM's rights (FairPlay unless told otherwise). A device restriction is never asked of
 * a DRM that cannot bind one.
 */
public record TokenRequest(
        KeyMaterial key,
        Instant expiresAt,
        Duration rentalDuration,
        Optional<Cookie> cookie,
        Optional<DeviceId> device,
        DrmRights rights) {

    public TokenRequest {
        Objects.requireNonNull(key);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(rentalDuration);
        Objects.requireNonNull(cookie);
        Objects.requireNonNull(device);
        Objects.requireNonNull(rights);
        if (device.isPresent() && !rights.drm().bindsDevices()) {
            throw new IllegalArgumentException(rights.drm() + " tokens cannot be bound to a device");
        }
    }

    /** A FairPlay token request. */
    public TokenRequest(
            KeyMaterial key,
            Instant expiresAt,
            Duration rentalDuration,
            Optional<Cookie> cookie,
            Optional<DeviceId> device) {
        this(key, expiresAt, rentalDuration, cookie, device, DrmRights.fairPlay());
    }

    /** The same request, for the DRM of {@code drmRights} with its rights. */
    public TokenRequest forDrm(DrmRights drmRights) {
        return new TokenRequest(key, expiresAt, rentalDuration, cookie, device, drmRights);
    }

    /** The same request without its device restriction: a time-bound token. */
    public TokenRequest withoutDevice() {
        return new TokenRequest(key, expiresAt, rentalDuration, cookie, Optional.empty(), rights);
    }

    public Drm drm() {
        return rights.drm();
    }

    public static TokenRequest timeBound(KeyMaterial key, Instant expiresAt, Duration rental) {
        return new TokenRequest(key, expiresAt, rental, Optional.empty(), Optional.empty());
    }

    public static TokenRequest registration(KeyMaterial key, Instant expiresAt, Cookie cookie) {
        return new TokenRequest(key, expiresAt, Duration.ZERO, Optional.of(cookie), Optional.empty());
    }

    public static TokenRequest deviceBound(
            KeyMaterial key, Instant expiresAt, Duration rental, Cookie cookie, DeviceId device) {
        return new TokenRequest(key, expiresAt, rental, Optional.of(cookie), Optional.of(device));
    }
}
