package dev.tether.binding;

import java.time.Instant;

/**
 * A user's device policy as an admin sees it: the limit in force, the default and the override
 * it comes from, the active devices, and when the user may next remove a device (absent: now).
 */
public record DeviceLimitView(
        String userId, int limit, int defaultLimit, Integer override, long activeDevices, Instant nextRemovalAt) {}
