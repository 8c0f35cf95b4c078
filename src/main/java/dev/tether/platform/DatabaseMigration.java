package dev.tether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Brings the schema up to date before anything else touches the database, then fires
 * {@link SchemaReady}. The same versioned scripts serve H2 and PostgreSQL, with the Java
 * migrations that capabilities contribute as beans; Hibernate never generates the schema.
 */
@ApplicationScoped
public class DatabaseMigration {

    /**
     * Liberty's class loader only reveals a folder to Flyway if it holds a file named
     * flyway.location; db/callback (Flyway's default callback folder) has one too, empty.
     */
    private static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    Database database;

    @Inject
    Instance<VersionedJavaMigration> javaMigrations;

    @Inject
    Event<SchemaReady> schemaReady;

    /**
     * Tether's migrations on a datasource: the versioned scripts and {@code javaMigrations}.
     * Public so that tools outside the server (the audit benchmark) build the schema exactly as
     * Tether does.
     */
    public static Flyway flyway(DataSource dataSource, List<? extends JavaMigration> javaMigrations) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .failOnMissingLocations(true)
                .load();
    }

    void onStartup(@Observes Startup startup) {
        var result =
                flyway(database.dataSource(), javaMigrations.stream().toList()).migrate();
        LOG.info(() -> "Database schema up to date (" + result.migrationsExecuted + " migrations applied now, "
                + "target version " + (result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion)
                + ")");
        schemaReady.fire(new SchemaReady(result.migrationsExecuted));
    }
}
