package dev.tether.reports;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditReads;
import dev.tether.audit.AuditReports;
import dev.tether.audit.AuditType;
import dev.tether.audit.SummaryRange;
import dev.tether.binding.DeviceLimitReports;
import dev.tether.security.Roles;
import dev.tether.streams.StreamPeaks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The auditor's summary at {@code /api/audit/summary}: a root resource of its own (its longer path
 * wins over {@code /api/audit} for this URL alone), so that the trail's aggregates and the device
 * policy's near-limit report meet here and {@code audit} need not know {@code binding}.
 */
@Path("/api/audit/summary")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The auditor's reports on the append-only audit trail (role auditor)")
public class SummaryResource {

    @Inject
    AuditReports trail;

    @Inject
    DeviceLimitReports deviceLimits;

    @Inject
    ReportSettings settings;

    @Inject
    AuditReads reads;

    @Inject
    StreamPeaks peaks;

    /** Aggregates over [from, to): by default the last 30 days; at most 366 days. */
    @Operation(
            summary = "Aggregates over a time range",
            description =
                    "Tokens per UTC day and per content, refusals by reason, distinct active devices, users near the device limit, peak concurrent streams per day and refusals over the stream limit; default the last 30 days, at most 366.")
    @GET
    public AuditorSummary summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        SummaryRange range = SummaryRange.parse(from, to);
        reads.record(
                AuditType.TRAIL_REPORT_READ,
                AuditDetail.of()
                        .put("report", "summary")
                        .put("from", range.from())
                        .put("to", range.to()));
        return AuditorSummary.of(
                trail.summary(range),
                deviceLimits.nearLimit(range.from(), range.to(), settings.deviceLimitMargin(), AuditReports.MAX_ROWS),
                peaks.perDay(range.from(), range.to()));
    }
}
