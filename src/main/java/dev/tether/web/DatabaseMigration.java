package dev.tether.web;

import dev.tether.audit.AuditAppendOnlyMigration;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. The same versioned
 * scripts serve H2 and PostgreSQL (plus one Java migration whose PostgreSQL-only part H2 cannot
 * express); Hibernate never generates the schema.
 */
@ApplicationScoped
public class DatabaseMigration {

    /** Observers that need the schema run after this priority. */
    public static final int PRIORITY = 100;

    /**
     * Liberty's class loader only reveals a folder to Flyway if it holds a file named
     * flyway.location; db/callback (Flyway's default callback folder) has one too, empty.
     */
    private static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    Database database;

    /**
     * Tether's migrations on a datasource: the versioned scripts and the Java migrations. Public so
     * that tools outside the server (the audit benchmark) build the schema exactly as Tether does.
     */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new AuditAppendOnlyMigration())
                .failOnMissingLocations(true)
                .load();
    }

    void onStartup(@Observes @Priority(PRIORITY) Startup startup) {
        var result = flyway(database.dataSource()).migrate();
        LOG.info(() -> "Database schema up to date (" + result.migrationsExecuted + " migrations applied now, "
                + "target version " + (result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion) + ")");
    }
}
