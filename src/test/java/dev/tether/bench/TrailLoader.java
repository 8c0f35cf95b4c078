package dev.tether.bench;

import dev.tether.audit.AuditAppendOnlyMigration;
import dev.tether.content.ContentKeySealingMigration;
import dev.tether.platform.DatabaseMigration;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Puts a {@link SyntheticTrail} into the benchmark's database through Tether's own migrations, so
 * that the schema and its indexes are the product's: COPY, not Tether's API, since a million
 * events through HTTP would take the benchmark's hour. Needs no server.
 */
final class TrailLoader {

    private TrailLoader() {}

    /** Loads {@code events} events of the trail unless the database already holds that many (the trail is seeded). */
    static void load(Connection db, SyntheticTrail trail, long events) throws Exception {
        if (BenchDatabase.count(db) == events) {
            AuditBenchmark.log("database %s already holds %,d events: not reloaded", BenchDatabase.DATABASE, events);
            return;
        }
        try (Statement s = db.createStatement()) {
            // The trail is append-only (a TRUNCATE is refused), so a reload starts from an empty schema.
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(BenchDatabase.url());
        source.setUser(BenchDatabase.user());
        source.setPassword(BenchDatabase.password());
        DatabaseMigration.flyway(
                        source, List.of(new AuditAppendOnlyMigration(), new ContentKeySealingMigration((hex, id) -> {
                            throw new IllegalStateException("a benchmark database holds no clear content key");
                        })))
                .migrate();

        // COPY into a table without its secondary indexes, then build them: the schema ends as
        // the migrations made it, an hour sooner at ten million rows.
        List<String> indexes = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_event'"
                                + " AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
            while (rows.next()) {
                indexes.add(rows.getString(2));
                try (Statement drop = db.createStatement()) {
                    drop.execute("DROP INDEX " + rows.getString(1));
                }
            }
        }
        long t0 = System.nanoTime();
        copy(
                db,
                "COPY audit_event (occurred_at, event_type, outcome, reason_code, user_id, device_id, content_id, "
                        + "cookie, token_fingerprint, token_expires_at, request_id, client_address) FROM STDIN",
                trail::write);
        long loaded = System.nanoTime();
        copy(db, "COPY device (user_id, device_id, first_bound_at, last_seen_at, version) FROM STDIN", out -> {
            for (Map.Entry<String, Instant[]> pair : trail.pairs.entrySet()) {
                out.append(pair.getKey())
                        .append('\t')
                        .append(pair.getValue()[0].toString())
                        .append('\t')
                        .append(pair.getValue()[1].toString())
                        .append("\t0\n");
            }
        });
        try (Statement s = db.createStatement()) {
            for (String index : indexes) {
                s.execute(index);
            }
            // What autovacuum does to an append-only table after a while: statistics, and the
            // visibility map that lets the covering indexes answer without reading the table.
            s.execute("VACUUM ANALYZE audit_event");
            s.execute("VACUUM ANALYZE device");
        }
        AuditBenchmark.log(
                "loaded %,d events in %.1f s, %,d devices; indexes built in %.1f s",
                events, (loaded - t0) / 1e9, trail.pairs.size(), (System.nanoTime() - loaded) / 1e9);
    }

    interface RowWriter {
        void write(Writer out) throws IOException;
    }

    private static void copy(Connection db, String sql, RowWriter rows) throws Exception {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try (Writer out =
                new BufferedWriter(new OutputStreamWriter(new CopyOutput(copy), StandardCharsets.UTF_8), 1 << 20)) {
            rows.write(out);
        }
        copy.endCopy();
    }

    /** An OutputStream onto a COPY in progress. */
    private static final class CopyOutput extends OutputStream {
        private final CopyIn copy;

        CopyOutput(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                copy.writeToCopy(b, off, len);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            // endCopy() finishes the COPY; closing the stream must not.
        }
    }
}
