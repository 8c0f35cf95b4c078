package dev.tether.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The request bodies of the catalog API. Durations are whole seconds; keys and IVs 32 hex digits.
 * A key sent here is wrapped at once and never shown again.
 */
public final class ContentRequests {

    static final String HEX16 = "[0-9a-fA-F]{32}";
    static final String HEX16_RULE = "must be 32 hex digits";

    private ContentRequests() {}

    /** A new title. {@code requiredGroup} absent: any subscriber; {@code registration}: the registration dummy. */
    public record Create(
            @NotNull @Pattern(regexp = ContentId.PATTERN) String contentId,

            @NotNull @Pattern(regexp = HEX16, message = HEX16_RULE)
            String key,

            @NotNull @Pattern(regexp = HEX16, message = HEX16_RULE)
            String iv,

            @NotNull @Min(1) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long tokenLifetimeSeconds,

            @NotNull @Min(0) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long rentalDurationSeconds,

            @Pattern(regexp = ContentPolicy.GROUP_PATTERN) String requiredGroup,
            boolean deviceBindingRequired,
            boolean registration,
            @Size(min = 1, max = 3) List<@Valid @NotNull Drm> drms) {}

    /** A new policy for a title; {@code key} and {@code iv} only when they change. */
    public record Update(
            @Pattern(regexp = HEX16, message = HEX16_RULE) String key,
            @Pattern(regexp = HEX16, message = HEX16_RULE) String iv,

            @NotNull @Min(1) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long tokenLifetimeSeconds,

            @NotNull @Min(0) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long rentalDurationSeconds,

            @Pattern(regexp = ContentPolicy.GROUP_PATTERN) String requiredGroup,
            boolean deviceBindingRequired,
            @Size(min = 1, max = 3) List<@Valid @NotNull Drm> drms) {}

    /**
     * One DRM of a title ({@code drms}; absent: FairPlay only on create, unchanged on update). A
     * field left out takes its safe default (DrmRights); fields of another DRM are refused.
     */
    public record Drm(
            @NotNull
            @Pattern(regexp = "fairplay|widevine|playready", message = "must be " + dev.tether.content.Drm.NAMES)
            String drm,

            @Pattern(regexp = DrmRights.KEY_ID_PATTERN, message = "must be 32 hex digits or ^ and 1 to 64 characters")
            String keyId,

            @Min(1) @Max(5) Integer securityLevel,
            @Min(0) @Max(2) Integer hdcpOutputControl,
            @Min(0) @Max(999) Integer analogVideoOPL,
            @Min(0) @Max(999) Integer compressedDigitalAudioOPL,
            @Min(0) @Max(999) Integer compressedDigitalVideoOPL,
            @Min(0) @Max(999) Integer uncompressedDigitalAudioOPL,
            @Min(0) @Max(999) Integer uncompressedDigitalVideoOPL,

            @Pattern(regexp = DrmRights.UNKNOWN_OUTPUT_PATTERN, message = "must be Allow, Disallow or SDOnly")
            String unknownOutputBehavior,

            Boolean persistent,

            // widevine: ExpressPlay never binds; fairplay: for an account that answers -6008.
            @Pattern(regexp = "refuse|time-bound", message = "must be " + UnboundPolicy.NAMES)
            String unboundPolicy) {}
}
