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
        List<DrmCount> tokensPerDrm,
        List<DayTypeCount> tokensPerDayByType,
        List<DayDrmCount> tokensPerDayByDrm) {

    /** Tokens granted on one UTC day by one request type (REGISTRATION, TIME_BASED_TOKEN, DEVICE_BOUND_TOKEN). */
    public record DayTypeCount(LocalDate day, String type, long tokens) {}

    /** Tokens granted on one UTC day with one DRM (an event naming none was FairPlay's). */
    public record DayDrmCount(LocalDate day, String drm, long tokens) {}

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
