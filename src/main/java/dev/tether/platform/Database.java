package dev.tether.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The application's datasource, for what works below JPA: migrations and the readiness check.
 * Looked up once, when the application starts (java:comp is not available on the threads that
 * some servers run health checks on).
 */
@ApplicationScoped
public class Database {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    DataSource dataSource() {
        return dataSource;
    }

    /** Whether a connection can be had and answers within {@code timeoutSeconds}. */
    boolean answers(int timeoutSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        }
    }
}
