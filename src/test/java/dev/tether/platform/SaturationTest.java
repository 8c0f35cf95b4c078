package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A full connection pool is told from a broken database by what each server throws, wherever it sits in the chain. */
class SaturationTest {

    @Test
    void libertysConnectionWaitTimeoutIsAFullPoolDeepInTheChain() {
        SQLTransientConnectionException liberty = new SQLTransientConnectionException(
                "J2CA0045E: Connection not available while invoking method createOrWaitForConnection");
        PersistenceException wrapped =
                new PersistenceException("Unable to acquire JDBC Connection", new RuntimeException(liberty));
        assertEquals(Optional.of(Saturation.Limit.DATABASE_CONNECTION_POOL), Saturation.limitReached(wrapped));
    }

    @Test
    void wildflysBlockingTimeoutIsAFullPool() {
        ResourceException ironJacamar = new ResourceException(
                "IJ000655: No managed connections available within configured blocking timeout (30000 [ms])");
        SQLException sql = new SQLException(
                "IJ031084: Unable to create connection: javax.resource.ResourceException: IJ000453", ironJacamar);
        assertEquals(
                Optional.of(Saturation.Limit.DATABASE_CONNECTION_POOL),
                Saturation.limitReached(new PersistenceException("could not prepare statement", sql)));
    }

    @Test
    void otherDatabaseFailuresAndBugsAreNotAFullPool() {
        assertTrue(Saturation.limitReached(new PersistenceException(new SQLException("relation does not exist")))
                .isEmpty());
        assertTrue(Saturation.limitReached(new ResourceException("IJ000453: Unable to get managed connection"))
                .isEmpty());
        assertTrue(Saturation.limitReached(new IllegalStateException("a bug")).isEmpty());
        assertTrue(Saturation.limitReached(new RuntimeException((String) null)).isEmpty());
    }
}
