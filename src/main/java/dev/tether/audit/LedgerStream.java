package dev.tether.audit;

import dev.tether.audit.ledger.Ledger;
import dev.tether.audit.ledger.LedgerJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The SIEM's export: events in chain order from a cursor (the last sequence number the collector
 * has), one JSON line each with its sequence number and hash. Sequence numbers are gapless and
 * never reused once committed, so a collector that resumes after the last line it stored gets
 * every event once. It stops at the head as it stood when it began, in chunks of short queries.
 */
@ApplicationScoped
public class LedgerStream {

    static final int CHUNK = 2000;

    @Inject
    LedgerRows rows;

    @Inject
    Ledger ledger;

    /** Writes the events after {@code after}, at most {@code limit}; returns how many. */
    public long write(long after, long limit, Writer out) throws IOException {
        long to = Math.min(ledger.head().seq(), after + limit);
        long next = after + 1;
        long written = 0;
        while (next <= to) {
            List<LedgerRows.Row> chunk = rows.between(next, to, CHUNK);
            for (LedgerRows.Row row : chunk) {
                out.write(LedgerJson.eventLine(
                        row.id(), row.entry().record(), row.entry().hash()));
                out.write('\n');
            }
            written += chunk.size();
            out.flush();
            if (chunk.size() < CHUNK) {
                break;
            }
            next = chunk.get(chunk.size() - 1).seq() + 1;
        }
        return written;
    }
}
