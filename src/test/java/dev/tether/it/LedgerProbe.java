package dev.tether.it;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.ledger.LedgerRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database administrator's hands, for {@link LedgerTamperingIT}: plain SQL on Tether's
 * datasource, each call one transaction of its own on one connection. On PostgreSQL the
 * append-only trigger of migration 2.1 is disabled inside that transaction and enabled again
 * before it commits, as a superuser could; no other session ever sees the table unguarded. A
 * snapshot and its restore put the trail back as it was, so the suite's later tests find an
 * intact ledger.
 */
@ApplicationScoped
public class LedgerProbe {

    private static final String TRIGGER = "audit_event_no_update_or_delete";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    AuditTrail trail;

    /** Rows of the trail and the head row, as they were. */
    public record Snapshot(long fromSeq, List<Map<String, Object>> events, Map<String, Object> head) {}

    /** Appends an event through Tether's own trail; returns its seq. */
    @Transactional
    public long append(String user) {
        AuditEvent event = AuditEvent.granted(AuditType.TIME_BASED_TOKEN, Instant.now())
                .user(user)
                .content("demo-movie")
                .build();
        trail.record(event);
        return event.seq();
    }

    /** Runs {@code statements} as one transaction, the append-only guard lifted for it. */
    @Transactional
    public void tamper(String... statements) {
        withGuardLifted(connection -> {
            try (Statement s = connection.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        });
    }

    /**
     * Rewrites the chain from {@code fromSeq} as someone who knows the encoding and can write the
     * table would: every hash recomputed, the head row moved along. Only a signed checkpoint can
     * tell.
     */
    @Transactional
    public void rehashFrom(long fromSeq) {
        withGuardLifted(connection -> {
            String previous;
            try (PreparedStatement p =
                    connection.prepareStatement("SELECT chain_hash FROM audit_event WHERE seq = ?")) {
                p.setLong(1, fromSeq - 1);
                try (ResultSet r = p.executeQuery()) {
                    previous = r.next() ? r.getString(1) : LedgerRecord.GENESIS;
                }
            }
            long last = fromSeq - 1;
            List<Long> ids = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (PreparedStatement p =
                    connection.prepareStatement("SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq")) {
                p.setLong(1, fromSeq);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        previous = record(r).hashAfter(previous);
                        ids.add(r.getLong("id"));
                        hashes.add(previous);
                        last = r.getLong("seq");
                    }
                }
            }
            try (PreparedStatement u =
                    connection.prepareStatement("UPDATE audit_event SET chain_hash = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    u.setString(1, hashes.get(i));
                    u.setLong(2, ids.get(i));
                    u.executeUpdate();
                }
            }
            try (PreparedStatement u =
                    connection.prepareStatement("UPDATE audit_ledger_head SET seq = ?, head_hash = ? WHERE id = 1")) {
                u.setLong(1, last);
                u.setString(2, previous);
                u.executeUpdate();
            }
        });
    }

    /** The hash an event at {@code seq} would need after event {@code seq - 1}, for a forged insert. */
    @Transactional
    public String forgedHash(long seq, String user) {
        String[] hash = new String[1];
        withGuardLifted(connection -> {
            try (PreparedStatement p = connection.prepareStatement("SELECT * FROM audit_event WHERE seq = ?")) {
                p.setLong(1, seq - 1);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    LedgerRecord before = record(r);
                    LedgerRecord forged = new LedgerRecord(
                            seq,
                            before.occurredAt(),
                            before.type(),
                            before.outcome(),
                            null,
                            user,
                            null,
                            before.contentId(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null);
                    hash[0] = forged.hashAfter(r.getString("chain_hash"));
                }
            }
        });
        return hash[0];
    }

    @Transactional
    public Snapshot snapshot(long fromSeq) {
        List<Map<String, Object>> events = new ArrayList<>();
        Map<String, Object>[] head = new Map[1];
        withGuardLifted(connection -> {
            try (PreparedStatement p =
                    connection.prepareStatement("SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq")) {
                p.setLong(1, fromSeq);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        events.add(row(r));
                    }
                }
            }
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM audit_ledger_head WHERE id = 1")) {
                r.next();
                head[0] = row(r);
            }
        });
        return new Snapshot(fromSeq, events, head[0]);
    }

    /** Puts back the events from the snapshot's first seq on, and the head row. */
    @Transactional
    public void restore(Snapshot snapshot) {
        withGuardLifted(connection -> {
            try (PreparedStatement d = connection.prepareStatement("DELETE FROM audit_event WHERE seq >= ?")) {
                d.setLong(1, snapshot.fromSeq());
                d.executeUpdate();
            }
            for (Map<String, Object> event : snapshot.events()) {
                insert(connection, "audit_event", event);
            }
            Map<String, Object> head = snapshot.head();
            try (PreparedStatement u = connection.prepareStatement(
                    "UPDATE audit_ledger_head SET seq = ?, head_hash = ?, checkpoint_seq = ?, checkpoint_at = ? WHERE id = 1")) {
                u.setObject(1, head.get("seq"));
                u.setObject(2, head.get("head_hash"));
                u.setObject(3, head.get("checkpoint_seq"));
                u.setObject(4, head.get("checkpoint_at"));
                u.executeUpdate();
            }
        });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void withGuardLifted(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgresql = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgresql");
            try (Statement s = connection.createStatement()) {
                if (postgresql) {
                    s.execute("ALTER TABLE audit_event DISABLE TRIGGER " + TRIGGER);
                }
                work.run(connection);
                if (postgresql) {
                    s.execute("ALTER TABLE audit_event ENABLE TRIGGER " + TRIGGER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(ResultSet r) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        ResultSetMetaData meta = r.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            row.put(column, column.endsWith("_at") ? r.getObject(i, OffsetDateTime.class) : r.getObject(i));
        }
        return row;
    }

    private static void insert(Connection connection, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        try (PreparedStatement p =
                connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                p.setObject(i++, value);
            }
            p.executeUpdate();
        }
    }

    private static LedgerRecord record(ResultSet r) throws SQLException {
        return new LedgerRecord(
                r.getLong("seq"),
                instant(r, "occurred_at"),
                r.getString("event_type"),
                r.getString("outcome"),
                r.getString("reason_code"),
                r.getString("user_id"),
                r.getString("device_id"),
                r.getString("content_id"),
                r.getString("cookie"),
                r.getString("token_fingerprint"),
                instant(r, "token_expires_at"),
                r.getString("request_id"),
                r.getString("client_address"),
                r.getString("actor_id"),
                r.getString("detail"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
