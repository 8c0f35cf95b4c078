package dev.tether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers: every decision needs it. ExpressPlay is deliberately not
 * part of readiness: while it is down Tether still answers, truthfully, with retryable refusals.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("database")
                    .status(database.answers(TIMEOUT_SECONDS))
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
