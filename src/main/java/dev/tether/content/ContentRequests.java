package dev.tether.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

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
            boolean registration) {}

    /** A new policy for a title; {@code key} and {@code iv} only when they change. */
    public record Update(
            @Pattern(regexp = HEX16, message = HEX16_RULE) String key,
            @Pattern(regexp = HEX16, message = HEX16_RULE) String iv,

            @NotNull @Min(1) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long tokenLifetimeSeconds,

            @NotNull @Min(0) @Max(ContentPolicy.EXPRESSPLAY_MAX_SECONDS)
            Long rentalDurationSeconds,

            @Pattern(regexp = ContentPolicy.GROUP_PATTERN) String requiredGroup,
            boolean deviceBindingRequired) {}
}
