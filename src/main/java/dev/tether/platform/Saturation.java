package dev.tether.platform;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Recognises a failure that means Tether itself is full, not broken: the database connection pool
 * gave no connection within its wait. The servers say so differently, without a standard type for
 * it: Open Liberty throws {@link SQLTransientConnectionException} (J2CA0045E), WildFly's
 * IronJacamar a {@code jakarta.resource.ResourceException} IJ000655 ("No managed connections
 * available within configured blocking timeout") inside an {@code SQLException}. Matched by type
 * and message code, never by importing a server's class, so one WAR serves both.
 */
public final class Saturation {

    /** What is full, in the words of a refusal's detail and log line. */
    public static final String CONNECTION_POOL = "database connection pool";

    private static final String IRONJACAMAR_BLOCKING_TIMEOUT = "IJ000655";

    private Saturation() {}

    /** The limit that {@code failure} (or one of its causes) reports as reached, if any. */
    public static Optional<String> limitReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of(CONNECTION_POOL);
            }
            String message = t.getMessage();
            if (t.getClass().getName().equals("jakarta.resource.ResourceException")
                    && message != null
                    && message.contains(IRONJACAMAR_BLOCKING_TIMEOUT)) {
                return Optional.of(CONNECTION_POOL);
            }
        }
        return Optional.empty();
    }
}
