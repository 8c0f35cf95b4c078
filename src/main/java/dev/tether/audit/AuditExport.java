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
        "detail"
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
                        e.detail() == null ? null : e.detail().toString());
            }
            written += chunk.size();
            if (!chunk.isEmpty()) {
                after = Optional.of(AuditCursor.after(chunk.get(chunk.size() - 1)));
            }
            out.flush();
        } while (chunk.size() == CHUNK);
        return written;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
