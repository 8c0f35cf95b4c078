package dev.tether.audit;

import dev.tether.platform.VersionedJavaMigration;
import jakarta.enterprise.context.Dependent;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 2.1: the database itself refuses to change or remove an audit event. On PostgreSQL a
 * trigger rejects every UPDATE and DELETE of {@code audit_event} (and TRUNCATE), whoever asks,
 * the table's owner included; revoking privileges would not hold against the owner, which is
 * usually the role the application connects with.
 *
 * <p>A Java migration rather than a vendor-specific SQL folder, so that H2 and PostgreSQL share
 * one list of versions: on H2, which can only run triggers written as Java classes on the
 * database's own class path, it records itself and does nothing. There, as everywhere, Tether
 * itself never updates or deletes an event ({@link AuditEvent} maps every column read-only).
 */
@Dependent
public class AuditAppendOnlyMigration extends VersionedJavaMigration {

    private static final Logger LOG = Logger.getLogger(AuditAppendOnlyMigration.class.getName());

    private static final String[] POSTGRESQL = {"""
        CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$""", """
        CREATE TRIGGER audit_event_no_update_or_delete
            BEFORE UPDATE OR DELETE ON audit_event
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""", """
        CREATE TRIGGER audit_event_no_truncate
            BEFORE TRUNCATE ON audit_event
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()"""};

    public AuditAppendOnlyMigration() {
        // The checksum changes if the SQL does, so that Flyway's validation notices an edited migration.
        super("2.1", "audit event append only", String.join("\n", POSTGRESQL).hashCode());
    }

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        if (!database.toLowerCase(Locale.ROOT).contains("postgresql")) {
            LOG.info(() -> "audit_event append-only trigger: not available on " + database + ", skipped");
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : POSTGRESQL) {
                statement.execute(sql);
            }
        }
    }
}
