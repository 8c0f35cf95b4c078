package dev.tether.content;

import java.time.Instant;
import java.util.List;

/**
 * A title as the catalog API shows it: its policy and which master key wraps its key, never the
 * key itself.
 */
public record ContentView(
        String contentId,
        long tokenLifetimeSeconds,
        long rentalDurationSeconds,
        String requiredGroup,
        boolean deviceBindingRequired,
        boolean registration,
        long policyVersion,
        String masterKeyId,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt,
        List<DrmView> drms) {

    /**
     * One DRM of the title with its rights; a member that does not apply to the DRM is left out.
     * The key id is shown: it is public (it travels in the packaged content's headers).
     */
    public record DrmView(
            String drm,
            String keyId,
            Integer securityLevel,
            Integer hdcpOutputControl,
            Integer analogVideoOPL,
            Integer compressedDigitalAudioOPL,
            Integer compressedDigitalVideoOPL,
            Integer uncompressedDigitalAudioOPL,
            Integer uncompressedDigitalVideoOPL,
            String unknownOutputBehavior,
            boolean persistent,
            String unboundPolicy,
            boolean deviceBinding) {

        static DrmView of(DrmRights r) {
            var opl = r.opl();
            return new DrmView(
                    r.drm().wire(),
                    r.keyId().orElse(null),
                    r.securityLevel().orElse(null),
                    r.hdcpOutputControl().orElse(null),
                    opl.map(DrmRights.Opl::analogVideo).orElse(null),
                    opl.map(DrmRights.Opl::compressedDigitalAudio).orElse(null),
                    opl.map(DrmRights.Opl::compressedDigitalVideo).orElse(null),
                    opl.map(DrmRights.Opl::uncompressedDigitalAudio).orElse(null),
                    opl.map(DrmRights.Opl::uncompressedDigitalVideo).orElse(null),
                    r.unknownOutputBehavior().orElse(null),
                    r.persistent(),
                    r.drm() == Drm.PLAYREADY ? null : r.unboundPolicy().wire(),
                    r.drm().bindsDevices());
        }
    }

    static ContentView of(Content c) {
        ContentPolicy policy = c.policy();
        return new ContentView(
                c.id().value(),
                policy.tokenLifetime().toSeconds(),
                policy.rentalDuration().toSeconds(),
                policy.requiredGroup().orElse(null),
                policy.deviceBindingRequired(),
                c.isRegistration(),
                c.policyVersion(),
                c.wrappedKey().masterKeyId(),
                c.createdAt(),
                c.updatedAt(),
                c.retiredAt(),
                c.drms().stream().map(DrmView::of).toList());
    }
}
