package dev.tether.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, for what SQL cannot do on both databases, with its version given
 * rather than read from a class name (CDI may subclass a bean). A capability that needs one makes
 * it a bean; {@link DatabaseMigration} runs every such bean in version order with the scripts.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    /** {@code checksum} changes when the migration's work does, so that Flyway notices an edited one. */
    protected VersionedJavaMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
