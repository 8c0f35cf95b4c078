package dev.tether.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.audit.AuditAppendOnlyMigration;
import dev.tether.content.ContentKeySealingMigration;
import dev.tether.platform.DatabaseMigration;
import dev.tether.platform.VersionedJavaMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Migration 5.1 on an in-memory H2: events recorded before the ledger are chained, in insertion order. */
class LedgerChainMigrationTest {

    @Test
    void eventsOfBeforeTheLedgerAreChainedInTheOrderTheyWereInsertedAndTheHeadFollows() throws SQLException {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        List<VersionedJavaMigration> migrations = List.of(
                new AuditAppendOnlyMigration(),
                new ContentKeySealingMigration((hex, id) -> {
                    throw new IllegalStateException("no content in this test");
                }),
                new LedgerChainMigration());
        Flyway.configure()
                .configuration(DatabaseMigration.flyway(db, migrations).getConfiguration())
                .target("4")
                .load()
                .migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            // Out of time order on purpose: the chain follows insertion (id), as appends do.
            s.execute("insert into audit_event (occurred_at, event_type, outcome, user_id, detail) values "
                    + "(timestamp with time zone '2026-11-01 10:00:00.123456+00', 'TIME_BASED_TOKEN', 'GRANTED', 'alice', '{\"a\":1}'), "
                    + "(timestamp with time zone '2026-10-01 10:00:00+00', 'DEVICE_BOUND_TOKEN', 'REFUSED', 'bob', null), "
                    + "(timestamp with time zone '2026-11-02 10:00:00+00', 'REGISTRATION', 'GRANTED', null, null)");
        }

        DatabaseMigration.flyway(db, migrations).migrate();

        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            ChainVerifier verifier = new ChainVerifier(1, LedgerRecord.GENESIS, List.of(), null);
            String last = null;
            try (ResultSet rows = s.executeQuery(
                    "select seq, chain_hash, occurred_at, event_type, outcome, user_id, detail from audit_event order by id")) {
                long expected = 1;
                while (rows.next()) {
                    assertEquals(expected++, rows.getLong("seq"));
                    LedgerRecord record = new LedgerRecord(
                            rows.getLong("seq"),
                            rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rows.getString("event_type"),
                            rows.getString("outcome"),
                            null,
                            rows.getString("user_id"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            rows.getString("detail"));
                    last = rows.getString("chain_hash");
                    assertEquals(true, verifier.accept(new ChainVerifier.Entry(record, last)));
                }
            }
            assertEquals(Optional.empty(), verifier.finish(Optional.of(3L)));
            try (ResultSet head = s.executeQuery("select seq, head_hash from audit_ledger_head")) {
                head.next();
                assertEquals(3, head.getLong(1));
                assertEquals(last, head.getString(2));
            }
            assertThrows(
                    SQLException.class,
                    () -> s.execute("insert into audit_event (occurred_at, event_type, outcome) values "
                            + "(current_timestamp, 'REGISTRATION', 'GRANTED')"),
                    "no event without its place in the chain");
        }
    }
}
