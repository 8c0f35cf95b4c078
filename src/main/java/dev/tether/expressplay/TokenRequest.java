package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.KeyMaterial;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Tether asks ExpressPlay to put into a FairPlay token: the key material, the expiration
 * time, and optionally a rental duration, a cookie and a device restriction.
 */
public record TokenRequest(
        KeyMaterial key,
        Instant expiresAt,
        Duration rentalDuration,
        Optional<Cookie> cookie,
        Optional<DeviceId> device) {

    public TokenRequest {
        Objects.requireNonNull(key);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(rentalDuration);
        Objects.requireNonNull(cookie);
        Objects.requireNonNull(device);
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
