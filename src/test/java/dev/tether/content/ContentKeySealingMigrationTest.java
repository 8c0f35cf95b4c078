package dev.tether.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tether.audit.AuditAppendOnlyMigration;
import dev.tether.platform.DatabaseMigration;
import dev.tether.platform.VersionedJavaMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration 3.1 on a database that V1 left with clear keys: every key is wrapped under the active
 * master key and opens to the same bytes, the clear column is gone after V4, and the migration is
 * recorded, so a second start runs nothing.
 */
class ContentKeySealingMigrationTest {

    private static final String KEY = "00112233445566778899aabbccddeeff";

    @Test
    void clearKeysOfV1AreWrappedOnceAndTheirColumnDropped() throws SQLException {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MasterKeys masterKeys = MasterKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[32]), "k1");
        List<VersionedJavaMigration> migrations = List.of(
                new AuditAppendOnlyMigration(),
                new ContentKeySealingMigration(
                        (hex, id) -> masterKeys.wrap(HexFormat.of().parseHex(hex), id)));

        // A database at V3 that still holds a key in clear, as V1 stored it.
        Flyway.configure()
                .configuration(DatabaseMigration.flyway(db, migrations).getConfiguration())
                .target("3")
                .load()
                .migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into content (content_id, iv_hex, content_key_hex, token_lifetime_seconds, "
                    + "rental_duration_seconds, registration, created_at, version) values ('title-1', '" + KEY + "', '"
                    + KEY + "', 60, 0, false, current_timestamp, 0)");
        }

        // Up to V4 only: later migrations are not this test's, and would change the count.
        Flyway toV4 = Flyway.configure()
                .configuration(DatabaseMigration.flyway(db, migrations).getConfiguration())
                .target("4")
                .load();
        var result = toV4.migrate();
        assertEquals(2, result.migrationsExecuted);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet row =
                        s.executeQuery("select wrapped_key, master_key_id from content where content_id = 'title-1'")) {
            row.next();
            WrappedKey wrapped = new WrappedKey(row.getString(2), row.getString(1));
            assertEquals(KEY, HexFormat.of().formatHex(masterKeys.unwrap(wrapped, new ContentId("title-1"))));
            assertFalse(
                    c.getMetaData()
                            .getColumns(null, null, "CONTENT", "CONTENT_KEY_HEX")
                            .next(),
                    "the clear column is dropped");
        }
        assertEquals(MigrationVersion.fromVersion("4"), toV4.info().current().getVersion());
        assertEquals(0, toV4.migrate().migrationsExecuted);
    }
}
