package dev.tether.expressplay;

import dev.tether.content.Drm;

/**
 * This Tether has no URL for the token API of the DRM asked for: nothing was asked of ExpressPlay.
 * A deployment serves Widevine or PlayReady once it configures their token API's URL (README).
 */
public class ExpressPlayDrmNotConfiguredException extends ExpressPlayException {

    private final Drm drm;

    public ExpressPlayDrmNotConfiguredException(Drm drm, String urlKey) {
        super("No URL for ExpressPlay's " + drm.wire() + " token API: set " + urlKey, null);
        this.drm = drm;
    }

    public Drm drm() {
        return drm;
    }
}
