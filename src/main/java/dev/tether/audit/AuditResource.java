package dev.tether.audit;

import dev.tether.security.Roles;
import dev.tether.api.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditor's read access to the trail: search, export, per-user and per-device views, aggregates. */
@Path("/api/audit")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The auditor's reports on the append-only audit trail (role auditor)")
public class AuditResource {

    static final int MAX_LIMIT = 500;
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    AuditReports reports;

    @Inject
    AuditExport export;

    @Context
    UriInfo uri;

    /**
     * Events matching the filters, newest first, {@code limit} at a time. When more follow, the
     * {@code Link} header's {@code rel="next"} URL (this request with {@code after=<cursor>}) is the
     * next page.
     */
    @Operation(summary = "Search events", description = "Filters user, device, content, type (repeatable), outcome, from (inclusive) and to (exclusive, ISO-8601 instants); newest first; the Link header rel=next carries the next page's cursor.")
    @GET
    @Path("events")
    public Response search(@BeanParam AuditSearchParams params,
                           @QueryParam("limit") @DefaultValue("50") int limit,
                           @QueryParam("after") String after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("bad-limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        AuditFilter filter = params.toFilter();
        Optional<AuditCursor> cursor = Optional.empty();
        if (after != null) {
            cursor = Optional.of(AuditCursor.decode(after).orElseThrow(() ->
                    ApiException.badRequest("bad-cursor", "'after' is not a cursor this API gave out.")));
        }
        // One more than asked tells whether a next page exists without a count.
        List<AuditEventView> found = reports.search(filter, cursor, limit + 1);
        List<AuditEventView> page = found.size() > limit ? found.subList(0, limit) : found;
        Response.ResponseBuilder response = Response.ok(page);
        if (found.size() > limit) {
            String next = AuditCursor.after(page.get(page.size() - 1)).encode();
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", next).build(), "next");
        }
        return response.build();
    }

    /** The same search as CSV, every matching event, streamed. */
    @Operation(summary = "Export a search as CSV", description = "The same filters as the search; every matching event, streamed.")
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response exportCsv(@BeanParam AuditSearchParams params) {
        AuditFilter filter = params.toFilter();
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            export.writeCsv(filter, writer);
            writer.flush();
        };
        String file = "tether-audit-" + FILE_TIME.format(Instant.now()) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .build();
    }

    /** The devices in a user's trail, with first and last sight and token counts. */
    @Operation(summary = "A user's devices", description = "First and last sight, events and tokens per device.")
    @GET
    @Path("users/{user}/devices")
    public List<UserDevice> devicesOf(@PathParam("user") String user) {
        return reports.devicesOf(user);
    }

    /** The users in a device's trail; more than one is a sharing signal. */
    @Operation(summary = "A device's users", description = "More than one user on a device is a sharing signal.")
    @GET
    @Path("devices/{device}/users")
    public List<DeviceUser> usersOf(@PathParam("device") String device) {
        return reports.usersOf(device);
    }

    /** Aggregates over [from, to): by default the last 30 days; at most 366 days. */
    @Operation(summary = "Aggregates over a time range", description = "Tokens per UTC day and per content, refusals by reason, distinct active devices, users near the device limit; default the last 30 days, at most 366.")
    @GET
    @Path("summary")
    public AuditSummary summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = AuditSearchParams.instant("to", to).orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant start = AuditSearchParams.instant("from", from).orElse(end.minus(DEFAULT_RANGE));
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("bad-time-range", "'from' must be before 'to'.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("bad-time-range", "A summary covers at most 366 days.");
        }
        return reports.summary(start, end);
    }
}
