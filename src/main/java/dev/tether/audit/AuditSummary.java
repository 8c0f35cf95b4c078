package dev.tether.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The trail's aggregates over a time range [from, to); days are UTC days. */
public record AuditSummary(
        Instant from,
        Instant to,
        List<DayCount> tokensPerDay,
        List<ContentCount> tokensPerContent,
        List<ReasonCount> refusalsByReason,
        long activeDevices,
        List<DrmCount> tokensPerDrm) {

    /**
     * Tokens granted with one DRM, and how many of them were bound to a device by ExpressPlay. A
     * token recorded before multi-DRM names no DRM: it was FairPlay's.
     */
    public record DrmCount(String drm, long tokens, long deviceBound) {}

    /** Tokens granted on one UTC day. */
    public record DayCount(LocalDate day, long tokens) {}

    /** Tokens granted for one content id. */
    public record ContentCount(String contentId, long tokens) {}

    /** Refusals with one reason code. */
    public record ReasonCount(String reasonCode, long refusals) {}
}
