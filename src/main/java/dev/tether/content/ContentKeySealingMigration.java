package dev.tether.content;

import dev.tether.platform.VersionedJavaMigration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 3.1 finishes V3 for databases that held content keys in clear (V1's
 * {@code content_key_hex}): SQL cannot encrypt, so each clear key is wrapped here under the active
 * master key and its clear copy set to NULL; V4 then drops the column. It runs once, recorded in
 * the schema history like every migration, inside the migration's transaction and lock, so two
 * servers starting together cannot both run it.
 */
@Dependent
public class ContentKeySealingMigration extends VersionedJavaMigration {

    private static final Logger LOG = Logger.getLogger(ContentKeySealingMigration.class.getName());

    private final BiFunction<String, ContentId, WrappedKey> wrap;

    @Inject
    public ContentKeySealingMigration(ContentKeys keys) {
        this(keys::wrap);
    }

    /** With {@code wrap} in place of the configured master keys, for tools that build a schema outside the server. */
    public ContentKeySealingMigration(BiFunction<String, ContentId, WrappedKey> wrap) {
        super("3.1", "seal clear content keys", 31);
        this.wrap = wrap;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, String> clear = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select content_id, content_key_hex from content where content_key_hex is not null");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                clear.put(rows.getString(1), rows.getString(2));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update content set wrapped_key = ?, master_key_id = ?, content_key_hex = null where content_id = ?")) {
            for (Map.Entry<String, String> row : clear.entrySet()) {
                WrappedKey wrapped = wrap.apply(row.getValue(), new ContentId(row.getKey()));
                update.setString(1, wrapped.sealed());
                update.setString(2, wrapped.masterKeyId());
                update.setString(3, row.getKey());
                update.executeUpdate();
            }
        }
        LOG.info(() -> "Wrapped " + clear.size() + " content keys that were stored in clear");
    }
}
