package dev.tether.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A search written out as CSV, in constant memory whatever its size: it walks the search's own
 * keyset order one chunk at a time, each chunk a short indexed query of its own, so neither the
 * heap nor a database transaction grows with the export. Events that arrive while it runs are
 * newer than its first row and are not in it: the export is the trail as it stood when it began.
 */
@ApplicationScoped
public class AuditExport {

    static final String[] HEADER = {
        "id",
        "occurredAt",
        "type",
        "outcome",
        "reasonCode",
        "userId",
        "deviceId",
        "contentId",
        "cookie",
        "tokenFingerprint",
        "tokenExpiresAt",
        "requestId",
        "clientAddress",
        "actorId",
        "detail",
        "drm",
        "deviceBound"
    };

    static final int CHUNK = 2000;

    @Inject
    AuditReports reports;

    /** Writes the header and every event of the filter, newest first; returns how many events. */
    public long writeCsv(AuditFilter filter, Writer out) throws IOException {
        Csv.row(out, HEADER);
        long written = 0;
        Optional<AuditCursor> after = Optional.empty();
        List<AuditEventView> chunk;
        do {
            chunk = reports.search(filter, after, CHUNK);
            for (AuditEventView e : chunk) {
                Csv.row(
                        out,
                        Long.toString(e.id()),
                        text(e.occurredAt()),
                        e.type().name(),
                        e.outcome().name(),
                        e.reasonCode(),
                        e.userId(),
                        e.deviceId(),
                        e.contentId(),
                        e.cookie(),
                        e.tokenFingerprint(),
                        text(e.tokenExpiresAt()),
                        e.requestId(),
                        e.clientAddress(),
                        e.actorId(),
                        e.detail() == null ? null : e.detail().toString(),
                        drm(e),
                        deviceBound(e));
            }
            written += chunk.size();
            if (!chunk.isEmpty()) {
                after = Optional.of(AuditCursor.after(chunk.get(chunk.size() - 1)));
            }
            out.flush();
        } while (chunk.size() == CHUNK);
        return written;
    }

    /**
     * The DRM of a token event, from its detail; a token event from before multi-DRM names none
     * and was FairPlay's. Empty for any other event.
     */
    static String drm(AuditEventView e) {
        if (e.detail() != null && e.detail().containsKey("drm")) {
            return e.detail().getString("drm", null);
        }
        return AuditReports.TOKEN_TYPES.contains(e.type()) ? "fairplay" : null;
    }

    /** Whether a granted token was bound to a device: the detail's guarantee, else the request type's. */
    static String deviceBound(AuditEventView e) {
        if (e.outcome() != AuditOutcome.GRANTED || !AuditReports.TOKEN_TYPES.contains(e.type())) {
            return null;
        }
        jakarta.json.JsonValue value = e.detail() == null ? null : e.detail().get("deviceBound");
        if (value != null) {
            return Boolean.toString(value.getValueType() == jakarta.json.JsonValue.ValueType.TRUE);
        }
        return Boolean.toString(e.type() == AuditType.DEVICE_BOUND_TOKEN);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
