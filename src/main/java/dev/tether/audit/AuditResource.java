package dev.tether.audit;

import dev.tether.platform.PublicLinks;
import dev.tether.platform.RefusedException;
import dev.tether.security.Roles;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The auditor's read access to the trail: search, export, per-user and per-device views. (The
 * summary, which adds the device policy's figures, is {@code dev.tether.reports}'s.)
 */
@Path("/api/audit")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The auditor's reports on the append-only audit trail (role auditor)")
public class AuditResource {

    static final int MAX_LIMIT = 500;

    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,2}");

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    AuditReports reports;

    @Inject
    AuditExport export;

    @Inject
    AuditReads reads;

    @Context
    UriInfo uri;

    /** Where the next page's link points: never the request's {@code Host} or {@code X-Forwarded-*}. */
    @Inject
    PublicLinks links;

    /**
     * Events matching the filters, newest first, {@code limit} at a time. When more follow, the
     * {@code Link} header's {@code rel="next"} URL (this request with {@code after=<cursor>}) is the
     * next page.
     */
    @Operation(
            summary = "Search events",
            description =
                    "Filters user, device, content, type (repeatable), outcome, from (inclusive) and to (exclusive, ISO-8601 instants); newest first; the Link header rel=next carries the next page's cursor.")
    @GET
    @Path("events")
    public Response search(
            @BeanParam AuditSearchParams params,
            @QueryParam("limit") @DefaultValue("50") String limitText,
            @QueryParam("after") String after) {
        int limit = limit(limitText);
        AuditFilter filter = params.toFilter();
        Optional<AuditCursor> cursor = Optional.empty();
        if (after != null) {
            cursor = Optional.of(AuditCursor.decode(after)
                    .orElseThrow(() -> new RefusedException(
                            AuditQueryRefusal.BAD_CURSOR, "'after' is not a cursor this API gave out.")));
        }
        AuditDetail read = filter.detail().put("limit", limit).put("after", after);
        reads.record(AuditType.TRAIL_SEARCHED, read);
        // One more than asked tells whether a next page exists without a count.
        List<AuditEventView> found = reports.search(filter, cursor, limit + 1);
        List<AuditEventView> page = found.size() > limit ? found.subList(0, limit) : found;
        Response.ResponseBuilder response = Response.ok(page);
        if (found.size() > limit) {
            String next = AuditCursor.after(page.get(page.size() - 1)).encode();
            response.header("Link", "<" + nextPage(next) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** This request's URL with {@code after} replaced: under the public base URL, or an absolute path. */
    private URI nextPage(String cursor) {
        String query = uri.getRequestUriBuilder()
                .replaceQueryParam("after", cursor)
                .build()
                .getRawQuery();
        return URI.create(links.to(uri, uri.getPath(false)) + "?" + query);
    }

    /**
     * The page size, read as text: a non-numeric or overlong limit bound to an {@code int} would be
     * the runtime's 404 (JAX-RS answers a parameter it cannot convert that way), not a bad limit.
     */
    static int limit(String text) {
        if (text == null || !LIMIT.matcher(text).matches() || Integer.parseInt(text) > MAX_LIMIT) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_LIMIT, "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(text);
    }

    /** The same search as CSV, every matching event, streamed. */
    @Operation(
            summary = "Export a search as CSV",
            description = "The same filters as the search; every matching event, streamed.")
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response exportCsv(@BeanParam AuditSearchParams params) {
        AuditFilter filter = params.toFilter();
        reads.record(AuditType.TRAIL_EXPORTED, filter.detail().put("format", "csv"));
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
        reads.record(
                AuditType.TRAIL_REPORT_READ,
                AuditDetail.of().put("report", "user-devices").put("user", user));
        return reports.devicesOf(user);
    }

    /** The users in a device's trail; more than one is a sharing signal. */
    @Operation(summary = "A device's users", description = "More than one user on a device is a sharing signal.")
    @GET
    @Path("devices/{device}/users")
    public List<DeviceUser> usersOf(@PathParam("device") String device) {
        reads.record(
                AuditType.TRAIL_REPORT_READ,
                AuditDetail.of().put("report", "device-users").put("device", device));
        return reports.usersOf(device);
    }
}
