package dev.tether.reports;

import dev.tether.audit.AuditSummary;
import dev.tether.binding.DeviceLimitReport;
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
        DeviceLimitReport nearDeviceLimit) {

    static AuditorSummary of(AuditSummary trail, DeviceLimitReport nearDeviceLimit) {
        return new AuditorSummary(
                trail.from(),
                trail.to(),
                trail.tokensPerDay(),
                trail.tokensPerContent(),
                trail.refusalsByReason(),
                trail.activeDevices(),
                trail.tokensPerDrm(),
                nearDeviceLimit);
    }
}
