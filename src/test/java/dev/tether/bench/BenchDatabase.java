package dev.tether.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The PostgreSQL database the audit benchmark loads and the server reads ({@code bench.database}),
 * reached with the same PG_* variables and defaults as Tether's postgres datasource, and the
 * facts of it that both the loading and the measuring ask.
 */
final class BenchDatabase {

    static final String DATABASE = System.getProperty("bench.database", "tether_bench");

    private BenchDatabase() {}

    static void createIfMissing() throws SQLException {
        try (Connection admin = connect(env("PG_DATABASE", "test"));
                PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    static Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    static String url() {
        return url(DATABASE);
    }

    static String user() {
        return env("PG_USER", "postgres");
    }

    static String password() {
        return env("PG_PASSWORD", "");
    }

    /** The number of audit events, or -1 before the migrations made the table. */
    static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM audit_event")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            AuditBenchmark.log("no audit trail yet in %s (%s)", DATABASE, e.getSQLState());
            return -1;
        }
    }

    static Instant newest(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT max(occurred_at) FROM audit_event")) {
            rows.next();
            Timestamp t = rows.getTimestamp(1);
            return t.toInstant();
        }
    }

    static long deviceCount(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM device")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), password());
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
