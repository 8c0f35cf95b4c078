package dev.tether.content;

import dev.tether.platform.RefusedException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The catalog API's {@code drms} entries as a title's {@link DrmRights}, or a refusal that says what does not fit. */
final class DrmEntries {

    private DrmEntries() {}

    static List<DrmRights> of(List<ContentRequests.Drm> entries) {
        List<DrmRights> drms = new ArrayList<>();
        EnumSet<Drm> seen = EnumSet.noneOf(Drm.class);
        for (ContentRequests.Drm entry : entries) {
            Drm drm = Drm.ofWire(entry.drm()).orElseThrow(() -> refused("drm must be " + Drm.NAMES + "."));
            if (!seen.add(drm)) {
                throw refused("drms lists " + drm.wire() + " twice.");
            }
            drms.add(rights(drm, entry));
        }
        return drms;
    }

    private static DrmRights rights(Drm drm, ContentRequests.Drm e) {
        boolean widevineFields = e.securityLevel() != null || e.hdcpOutputControl() != null;
        boolean playReadyFields = e.analogVideoOPL() != null
                || e.compressedDigitalAudioOPL() != null
                || e.compressedDigitalVideoOPL() != null
                || e.uncompressedDigitalAudioOPL() != null
                || e.uncompressedDigitalVideoOPL() != null
                || e.unknownOutputBehavior() != null;
        if ((drm != Drm.WIDEVINE && widevineFields) || (drm != Drm.PLAYREADY && playReadyFields)) {
            throw refused("drms: " + drm.wire() + " takes none of another DRM's rights.");
        }
        if (drm.usesKeyId() && e.keyId() == null) {
            throw refused("drms: " + drm.wire() + " needs the keyId the title was packaged with.");
        }
        if (drm != Drm.PLAYREADY && Boolean.TRUE.equals(e.persistent())) {
            throw refused("drms: only PlayReady has a documented persistent (offline) license; " + drm.wire()
                    + " cannot be persistent.");
        }
        if (drm == Drm.PLAYREADY && e.unboundPolicy() != null) {
            throw refused("drms: PlayReady binds tokens to devices; unboundPolicy is for widevine.");
        }
        UnboundPolicy unbound = Optional.ofNullable(e.unboundPolicy())
                .flatMap(UnboundPolicy::ofWire)
                .orElse(UnboundPolicy.REFUSE);
        return switch (drm) {
            case FAIRPLAY -> DrmRights.fairPlay(unbound);
            case WIDEVINE ->
                DrmRights.widevine(
                        e.keyId(),
                        Optional.ofNullable(e.securityLevel()).orElse(DrmRights.DEFAULT_SECURITY_LEVEL),
                        Optional.ofNullable(e.hdcpOutputControl()).orElse(DrmRights.DEFAULT_HDCP),
                        unbound);
            case PLAYREADY ->
                DrmRights.playReady(
                        e.keyId(),
                        new DrmRights.Opl(
                                orDefault(e.analogVideoOPL(), DrmRights.DEFAULT_ANALOG_VIDEO_OPL),
                                orDefault(
                                        e.compressedDigitalAudioOPL(), DrmRights.DEFAULT_COMPRESSED_DIGITAL_AUDIO_OPL),
                                orDefault(
                                        e.compressedDigitalVideoOPL(), DrmRights.DEFAULT_COMPRESSED_DIGITAL_VIDEO_OPL),
                                orDefault(
                                        e.uncompressedDigitalAudioOPL(),
                                        DrmRights.DEFAULT_UNCOMPRESSED_DIGITAL_AUDIO_OPL),
                                orDefault(
                                        e.uncompressedDigitalVideoOPL(),
                                        DrmRights.DEFAULT_UNCOMPRESSED_DIGITAL_VIDEO_OPL)),
                        Optional.ofNullable(e.unknownOutputBehavior()).orElse(DrmRights.DEFAULT_UNKNOWN_OUTPUT),
                        Boolean.TRUE.equals(e.persistent()));
        };
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static RefusedException refused(String message) {
        return new RefusedException(ContentRefusal.INVALID_DRMS, message);
    }
}
