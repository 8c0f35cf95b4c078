package dev.tether.audit.ledger;

import dev.tether.platform.VersionedJavaMigration;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 5.1: chains the events recorded before the ledger, in the order they were inserted (by
 * id), sets the head to the last of them, and makes {@code seq} and {@code chain_hash} required.
 * SQL cannot compute the canonical encoding, hence Java. On PostgreSQL the append-only trigger of
 * migration 2.1 is disabled for these updates and enabled again in the same transaction, so no
 * other session ever sees the table unguarded.
 */
@Dependent
public class LedgerChainMigration extends VersionedJavaMigration {

    private static final Logger LOG = Logger.getLogger(LedgerChainMigration.class.getName());

    private static final String SELECT = "SELECT id, occurred_at, event_type, outcome, reason_code, user_id, device_id,"
            + " content_id, cookie, token_fingerprint, token_expires_at, request_id, client_address, actor_id, detail"
            + " FROM audit_event ORDER BY id";

    private static final String TRIGGER = "audit_event_no_update_or_delete";

    public LedgerChainMigration() {
        // The checksum follows the work: the query and the encoding's version.
        super("5.1", "audit ledger chain existing events", (SELECT + LedgerRecord.VERSION).hashCode());
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgresql = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgresql");
        try (Statement statement = connection.createStatement()) {
            if (postgresql) {
                statement.execute("ALTER TABLE audit_event DISABLE TRIGGER " + TRIGGER);
            }
            long chained = chain(connection);
            if (postgresql) {
                statement.execute("ALTER TABLE audit_event ENABLE TRIGGER " + TRIGGER);
            }
            statement.execute("ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL");
            statement.execute("ALTER TABLE audit_event ALTER COLUMN chain_hash SET NOT NULL");
            LOG.info(() -> "Audit ledger: " + chained + " existing events chained");
        }
    }

    private static long chain(Connection connection) throws SQLException {
        long seq = 0;
        String hash = LedgerRecord.GENESIS;
        try (Statement select = connection.createStatement();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE audit_event SET seq = ?, chain_hash = ? WHERE id = ?")) {
            // Streams on PostgreSQL (inside the migration's transaction) instead of loading the trail.
            select.setFetchSize(2000);
            try (ResultSet rows = select.executeQuery(SELECT)) {
                while (rows.next()) {
                    seq++;
                    LedgerRecord record = new LedgerRecord(
                            seq,
                            instant(rows, "occurred_at"),
                            rows.getString("event_type"),
                            rows.getString("outcome"),
                            rows.getString("reason_code"),
                            rows.getString("user_id"),
                            rows.getString("device_id"),
                            rows.getString("content_id"),
                            rows.getString("cookie"),
                            rows.getString("token_fingerprint"),
                            instant(rows, "token_expires_at"),
                            rows.getString("request_id"),
                            rows.getString("client_address"),
                            rows.getString("actor_id"),
                            rows.getString("detail"));
                    hash = record.hashAfter(hash);
                    update.setLong(1, seq);
                    update.setString(2, hash);
                    update.setLong(3, rows.getLong("id"));
                    update.addBatch();
                    if (seq % 2000 == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        try (PreparedStatement head =
                connection.prepareStatement("UPDATE audit_ledger_head SET seq = ?, head_hash = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setString(2, hash);
            head.executeUpdate();
        }
        return seq;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
