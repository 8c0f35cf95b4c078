package dev.tether.bench;

import dev.tether.audit.AuditAppendOnlyMigration;
import dev.tether.audit.ledger.LedgerChainMigration;
import dev.tether.content.ContentKeySealingMigration;
import dev.tether.platform.DatabaseMigration;
import dev.tether.platform.VersionedJavaMigration;
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
import org.flywaydb.core.Flyway;
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
        List<VersionedJavaMigration> migrations = List.of(
                new AuditAppendOnlyMigration(),
                new ContentKeySealingMigration((hex, id) -> {
                    throw new IllegalStateException("a benchmark database holds no clear content key");
                }),
                new LedgerChainMigration());
        // Up to V5: the ledger's columns exist but are not yet required, so COPY can fill the table;
        // the migration 5.1 then chains the copied events as it chains a trail of before the ledger.
        Flyway.configure()
                .configuration(DatabaseMigration.flyway(source, migrations).getConfiguration())
                .target("5")
                .load()
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
        DatabaseMigration.flyway(source, migrations).migrate();
        long chained = System.nanoTime();
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
                "loaded %,d events in %.1f s, %,d devices; chained in %.1f s; indexes built in %.1f s",
                events,
                (loaded - t0) / 1e9,
                trail.pairs.size(),
                (chained - loaded) / 1e9,
                (System.nanoTime() - chained) / 1e9);
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
