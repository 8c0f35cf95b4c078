package dev.tether.audit;

import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.Ledger;
import dev.tether.platform.RefusedException;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditor's access to the ledger: checkpoints, verification and the SIEM's JSON-lines stream. */
@Path("/api/audit")
@RequestScoped
@RolesAllowed(Roles.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The auditor's reports on the append-only audit trail (role auditor)")
public class LedgerResource {

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");

    static final int MAX_CHECKPOINTS = 10_000;
    static final long MAX_STREAM = 1_000_000;

    @Inject
    Ledger ledger;

    @Inject
    LedgerVerification verification;

    @Inject
    LedgerStream stream;

    @Inject
    AuditReads reads;

    /** Signed checkpoints from sequence number {@code from}, oldest first. */
    @Operation(
            summary = "Signed checkpoints",
            description =
                    "Each (seq, hash, time) signed with Ed25519 under keyId; oldest first from 'from' (default 1), at most 'limit' (default and most 10,000).")
    @GET
    @Path("checkpoints")
    public List<CheckpointView> checkpoints(
            @QueryParam("from") @DefaultValue("1") String fromText,
            @QueryParam("limit") @DefaultValue("10000") String limitText) {
        long from = whole(fromText, AuditQueryRefusal.BAD_SEQ_RANGE, "'from' must be a sequence number, 0 or more.");
        long limit =
                whole(limitText, AuditQueryRefusal.BAD_LIMIT, "'limit' must be between 1 and " + MAX_CHECKPOINTS + ".");
        if (limit < 1 || limit > MAX_CHECKPOINTS) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_LIMIT, "'limit' must be between 1 and " + MAX_CHECKPOINTS + ".");
        }
        reads.record(
                AuditType.TRAIL_REPORT_READ,
                AuditDetail.of().put("report", "checkpoints").put("from", from));
        return ledger.checkpoints(from, Long.MAX_VALUE, (int) limit);
    }

    /** The newest signed checkpoint (the console's ledger panel): 200 with it, 204 before the first. */
    @Operation(
            summary = "The newest checkpoint",
            description = "The checkpoint with the highest seq, as in the list; 204 while there is none.")
    @GET
    @Path("checkpoints/latest")
    public Response latestCheckpoint() {
        reads.record(
                AuditType.TRAIL_REPORT_READ,
                AuditDetail.of().put("report", "checkpoints").put("latest", true));
        return ledger.latestCheckpoint()
                .map(c -> Response.ok(c).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** Checkpoints the newest events now, if any came since the last checkpoint: 201 with it, else 204. */
    @Operation(
            summary = "Checkpoint now",
            description =
                    "Signs the head if events were appended since the last checkpoint, e.g. from a scheduler for a quiet trail.")
    @POST
    @Path("checkpoints")
    public Response checkpointNow() {
        Optional<CheckpointView> made = ledger.checkpointNow();
        return made.map(c -> Response.status(Response.Status.CREATED).entity(c).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** Verifies the chain over [from, to] against the checkpoints; reports the first break. */
    @Operation(
            summary = "Verify the ledger",
            description =
                    "Sequence numbers from (default 1) to (default the head), both inclusive; intact, or the first break with its seq, kind and detail.")
    @GET
    @Path("ledger/verify")
    public LedgerReport verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        String rule = "'from' and 'to' must be sequence numbers.";
        LedgerReport report = verification.verify(
                Optional.ofNullable(from).map(text -> whole(text, AuditQueryRefusal.BAD_SEQ_RANGE, rule)),
                Optional.ofNullable(to).map(text -> whole(text, AuditQueryRefusal.BAD_SEQ_RANGE, rule)));
        AuditDetail detail = AuditDetail.of()
                .put("from", report.from())
                .put("to", report.to())
                .put("intact", report.intact());
        if (report.firstBreak() != null) {
            detail.put("breakSeq", report.firstBreak().seq())
                    .put("breakKind", report.firstBreak().kind().name());
        }
        reads.record(AuditType.LEDGER_VERIFIED, detail);
        return report;
    }

    /**
     * The SIEM's stream: events after sequence number {@code after} in chain order, one JSON object
     * per line with its seq and hash; resume with the last line's seq.
     */
    @Operation(
            summary = "Stream events as JSON lines",
            description =
                    "Events with seq > after (default 0), in chain order, at most 'limit' (default and most 1,000,000), up to the head as it stood at the start; resume with after = the last line's seq.")
    @GET
    @Path("ledger/events")
    @Produces("application/x-ndjson")
    public Response events(
            @QueryParam("after") @DefaultValue("0") String afterText,
            @QueryParam("limit") @DefaultValue("1000000") String limitText) {
        long after = whole(afterText, AuditQueryRefusal.BAD_CURSOR, "'after' must be a sequence number, 0 or more.");
        long limit = whole(limitText, AuditQueryRefusal.BAD_LIMIT, "'limit' must be between 1 and " + MAX_STREAM + ".");
        if (limit < 1 || limit > MAX_STREAM) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_LIMIT, "'limit' must be between 1 and " + MAX_STREAM + ".");
        }
        reads.record(
                AuditType.TRAIL_EXPORTED,
                AuditDetail.of().put("format", "json-lines").put("after", after));
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            stream.write(after, limit, writer);
            writer.flush();
        };
        return Response.ok(body, "application/x-ndjson; charset=UTF-8").build();
    }

    /**
     * A whole-number parameter, read as text: bound to a {@code long}, a value that is no number
     * would be the runtime's 404 (JAX-RS answers a query parameter it cannot convert that way).
     */
    private static long whole(String text, AuditQueryRefusal refusal, String rule) {
        if (!WHOLE.matcher(text).matches()) {
            throw new RefusedException(refusal, rule);
        }
        return Long.parseLong(text);
    }
}
