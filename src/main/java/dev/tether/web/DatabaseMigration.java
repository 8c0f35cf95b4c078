package dev.tether.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database. The same versioned
 * scripts serve H2 and PostgreSQL; Hibernate never generates the schema.
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

    void onStartup(@Observes @Priority(PRIORITY) Startup startup) {
        var result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema up to date (" + result.migrationsExecuted + " migrations applied now, "
                + "target version " + (result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion) + ")");
    }
}
