package dev.tether.reports;

import dev.tether.audit.AuditSummary;
import dev.tether.binding.DeviceLimitReport;
import dev.tether.streams.StreamPeaks;
import java.time.Instant;
import java.util.List;

/** The auditor's summary of [from, to): the trail's aggregates and the users near the device limit. */
public record AuditorSummary(
        Instant from,
        Instant to,
        List<AuditSummary.DayCount> tokensPerDay,
        List<AuditSummary.ContentCount> tokensPerContent,
        List<AuditSummary.ReasonCount> refusalsByReason,
        long activeDevices,
        List<AuditSummary.DrmCount> tokensPerDrm,
        List<AuditSummary.DayTypeCount> tokensPerDayByType,
        List<AuditSummary.DayDrmCount> tokensPerDayByDrm,
        DeviceLimitReport nearDeviceLimit,
        Streams streams) {

    /** The reason code of a stream refused over the limit: SeesError.STREAM_LIMIT_REACHED's name. */
    static final String STREAM_LIMIT_REASON = "STREAM_LIMIT_REACHED";

    /**
     * Concurrent streams: per UTC day the most streams one account ran at once (and how many
     * accounts streamed), and the stream starts refused over the limit (reason STREAM_LIMIT_REACHED).
     */
    public record Streams(List<StreamPeaks.DayPeak> peakPerDay, long refusedOverLimit) {}

    static AuditorSummary of(AuditSummary trail, DeviceLimitReport nearDeviceLimit, List<StreamPeaks.DayPeak> peaks) {
        long refused = trail.refusalsByReason().stream()
                .filter(r -> r.reasonCode().equals(STREAM_LIMIT_REASON))
                .mapToLong(AuditSummary.ReasonCount::refusals)
                .sum();
        return new AuditorSummary(
                trail.from(),
                trail.to(),
                trail.tokensPerDay(),
                trail.tokensPerContent(),
                trail.refusalsByReason(),
                trail.activeDevices(),
                trail.tokensPerDrm(),
                trail.tokensPerDayByType(),
                trail.tokensPerDayByDrm(),
                nearDeviceLimit,
                new Streams(peaks, refused));
    }
}
