package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.LedgerRecord;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What needs the database itself: PostgreSQL refuses to change or remove an audit event, whoever
 * asks (the connection here uses the same role as Tether), and an event whose text holds line
 * breaks, which no HTTP client can make (Liberty refuses such a token subject), exports intact.
 * Runs in the postgres profile only (failsafe includes it there); H2 has no such guard, which
 * the README says.
 */
class AuditTrailPostgresIT extends TetherIT {

    @Test
    void updateDeleteAndTruncateOfTheAuditTrailAreRefused() throws Exception {
        String user = "user-" + UUID.randomUUID();
        JsonObject granted = asPlayer.entitlement(http.token(user, "subscriber"), Player.request(1, "demo-movie"));
        assertTrue(granted.getBoolean("isAllowed"));

        try (Connection db = connect()) {
            long id;
            try (PreparedStatement find = db.prepareStatement("SELECT id FROM audit_event WHERE user_id = ?")) {
                find.setString(1, user);
                try (ResultSet rows = find.executeQuery()) {
                    assertTrue(rows.next(), "Tether wrote the event");
                    id = rows.getLong(1);
                }
            }
            SQLException update = assertThrows(
                    SQLException.class,
                    () -> execute(
                            db, "UPDATE audit_event SET outcome = 'REFUSED', reason_code = 'FORGED' WHERE id = " + id));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertEquals("42501", update.getSQLState(), "insufficient_privilege");
            SQLException delete =
                    assertThrows(SQLException.class, () -> execute(db, "DELETE FROM audit_event WHERE id = " + id));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            SQLException truncate = assertThrows(SQLException.class, () -> execute(db, "TRUNCATE audit_event"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }

        HttpResponse<String> trail =
                asAuditor.search(http.token("auditor-" + UUID.randomUUID(), "auditor"), "user=" + Http.enc(user));
        JsonObject event = Http.json(trail.body().substring(1, trail.body().length() - 1));
        assertEquals("GRANTED", event.getString("outcome"), "the event is as Tether wrote it");
    }

    @Test
    void anEventWithLineBreaksCommasAndQuotesExportsAsOneCsvRecord() throws Exception {
        String user = "line one, \"quoted\"\r\nline two ünï-" + UUID.randomUUID();
        // Appended as Tether appends, under the ledger head's lock with its place and hash, so the
        // ledger the later tests verify stays intact.
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            long seq;
            String previous;
            try (Statement s = db.createStatement();
                    ResultSet head =
                            s.executeQuery("SELECT seq, head_hash FROM audit_ledger_head WHERE id = 1 FOR UPDATE")) {
                head.next();
                seq = head.getLong(1) + 1;
                previous = head.getString(2);
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            LedgerRecord record = new LedgerRecord(
                    seq,
                    at,
                    "INVALID_REQUEST",
                    "REFUSED",
                    "INVALID_REQUEST",
                    user,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "multi\nline",
                    null,
                    null,
                    null);
            String hash = record.hashAfter(previous);
            try (PreparedStatement insert =
                    db.prepareStatement("INSERT INTO audit_event (occurred_at, event_type, outcome,"
                            + " reason_code, user_id, request_id, seq, chain_hash)"
                            + " VALUES (?, 'INVALID_REQUEST', 'REFUSED', 'INVALID_REQUEST', ?, ?, ?, ?)")) {
                insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(2, user);
                insert.setString(3, "multi\nline");
                insert.setLong(4, seq);
                insert.setString(5, hash);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement head =
                    db.prepareStatement("UPDATE audit_ledger_head SET seq = ?, head_hash = ? WHERE id = 1")) {
                head.setLong(1, seq);
                head.setString(2, hash);
                head.executeUpdate();
            }
            db.commit();
        }
        HttpResponse<byte[]> csv =
                asAuditor.export(http.token("auditor-" + UUID.randomUUID(), "auditor"), "user=" + Http.enc(user));
        assertEquals(200, csv.statusCode());
        String body = Http.text(csv);
        String[] lines = body.split("\r\n", -1);
        assertEquals(
                "id,occurredAt,type,outcome,reasonCode,userId,deviceId,contentId,cookie,tokenFingerprint,"
                        + "tokenExpiresAt,requestId,clientAddress,actorId,detail,drm,deviceBound",
                lines[0]);
        String record = body.substring(lines[0].length() + 2);
        assertTrue(
                record.matches("(?s)\\d+,[^,]+,INVALID_REQUEST,REFUSED,INVALID_REQUEST,"
                        + java.util.regex.Pattern.quote("\"" + user.replace("\"", "\"\"") + "\"")
                        + ",,,,,,\"multi\nline\",,,,,\r\n"),
                record);
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The database Tether's postgres datasource uses: the same PG_* variables and defaults. */
    private static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/"
                + env("PG_DATABASE", "test");
        return DriverManager.getConnection(url, env("PG_USER", "postgres"), env("PG_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
