package dev.tether.platform;

import java.sql.SQLTransientConnectionException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Recognises a failure that means Tether itself is full, not broken: the database connection pool
 * gave no connection within its wait. The servers say so differently, without a standard type for
 * it: Open Liberty throws {@link SQLTransientConnectionException} (J2CA0045E), WildFly's
 * IronJacamar a {@code jakarta.resource.ResourceException} IJ000655 ("No managed connections
 * available within configured blocking timeout") inside an {@code SQLException}. Matched by type
 * and message code, never by importing a server's class, so one WAR serves both. It also counts,
 * per limit, the requests refused because one of Tether's own limits was full (the metric
 * {@code tether.busy}): a full pool leaves no audit event, so this count is where it shows.
 */
public final class Saturation {

    /** One of Tether's own limits. */
    public enum Limit {
        DATABASE_CONNECTION_POOL("database connection pool"),
        EXPRESSPLAY_BULKHEAD("bulkhead of an ExpressPlay endpoint");

        private final String text;

        Limit(String text) {
            this.text = text;
        }

        /** What is full, in the words of a refusal's text and log line. */
        public String text() {
            return text;
        }

        /** Its name as a metric attribute: lower case with dashes. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Map<Limit, LongAdder> REFUSED = new EnumMap<>(Limit.class);

    static {
        for (Limit limit : Limit.values()) {
            REFUSED.put(limit, new LongAdder());
        }
    }

    private static final String IRONJACAMAR_BLOCKING_TIMEOUT = "IJ000655";

    private Saturation() {}

    /** The limit that {@code failure} (or one of its causes) reports as reached, if any. */
    public static Optional<Limit> limitReached(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of(Limit.DATABASE_CONNECTION_POOL);
            }
            String message = t.getMessage();
            if (t.getClass().getName().equals("jakarta.resource.ResourceException")
                    && message != null
                    && message.contains(IRONJACAMAR_BLOCKING_TIMEOUT)) {
                return Optional.of(Limit.DATABASE_CONNECTION_POOL);
            }
        }
        return Optional.empty();
    }

    /** Counts a request refused because {@code limit} was full. */
    public static void refused(Limit limit) {
        REFUSED.get(limit).increment();
    }

    /** The requests refused so far by this deployment, per limit. */
    public static long refusedSoFar(Limit limit) {
        return REFUSED.get(limit).sum();
    }
}
