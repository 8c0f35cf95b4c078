package dev.tether.content;

import java.util.Locale;
import java.util.Optional;

/**
 * The DRMs a title can be packaged for, each licensed through its own ExpressPlay token API. Whether
 * ExpressPlay can bind a token to a device differs (DOMAIN.md): PlayReady validates a device id;
 * FairPlay binds as Adobe's SEES pages describe unless the account answers -6008; Widevine does not
 * (-7002).
 */
public enum Drm {
    FAIRPLAY,
    WIDEVINE,
    PLAYREADY;

    /** The names the SEES {@code drm} member and the catalog API use. */
    public static final String NAMES = "fairplay, widevine or playready";

    /** The lower-case name of the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Drm> ofWire(String name) {
        for (Drm drm : values()) {
            if (drm.wire().equals(name)) {
                return Optional.of(drm);
            }
        }
        return Optional.empty();
    }

    /** Whether ExpressPlay documents a device-binding restriction for this DRM's tokens. */
    public boolean bindsDevices() {
        return this != WIDEVINE;
    }

    /** Whether this DRM's token request names a key id ({@code kid}). */
    public boolean usesKeyId() {
        return this != FAIRPLAY;
    }
}
