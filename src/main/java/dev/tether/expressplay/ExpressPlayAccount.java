package dev.tether.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Whether ExpressPlay accepts Tether's customer authenticator, as the latest answers say: a 401
 * marks it rejected until a later call is answered (with a token, records or a refusal of the
 * request's arguments, all of which ExpressPlay gives only to an authenticated caller). A
 * rejection is logged at ERROR at most once a minute, without the authenticator.
 */
@ApplicationScoped
public class ExpressPlayAccount {

    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ExpressPlayAccount.class.getName());

    /** The rejection that stands, if one does. */
    public record Rejection(Instant at, ExpressPlayStats.Endpoint endpoint, int errorCode, String message) {

        /** What an operator reads in the readiness check. */
        public String reason() {
            return "ExpressPlay's " + endpoint.name().toLowerCase(java.util.Locale.ROOT)
                    + " API rejected the customer authenticator (HTTP 401"
                    + (errorCode == 0 ? "" : ", error " + errorCode)
                    + (message.isEmpty() ? "" : ": " + message)
                    + "); correct tether.expressplay.customer-authenticator (test and production"
                    + " authenticators are not interchangeable)";
        }
    }

    private final AtomicReference<Rejection> rejection = new AtomicReference<>();
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> lastRecheck = new AtomicReference<>(Instant.MIN);

    void rejected(ExpressPlayStats.Endpoint endpoint, ExpressPlayMisconfiguredException e) {
        Instant now = Instant.now();
        Rejection current = new Rejection(now, endpoint, e.errorCode(), e.expressPlayMessage());
        rejection.set(current);
        Instant logged = lastLogged.get();
        if (Duration.between(logged, now).compareTo(LOG_INTERVAL) >= 0 && lastLogged.compareAndSet(logged, now)) {
            LOG.severe(current::reason);
        }
    }

    void accepted() {
        if (rejection.get() != null) {
            rejection.set(null);
            LOG.info("ExpressPlay accepts the customer authenticator again");
        }
    }

    /**
     * Whether a rejection stands and is due to be asked about again: true for one caller at most
     * once per {@code interval} since the rejection or the previous recheck.
     */
    boolean dueForRecheck(Instant now, Duration interval) {
        Rejection current = rejection.get();
        Instant previous = lastRecheck.get();
        Instant since = current == null || previous.isAfter(current.at()) ? previous : current.at();
        return current != null
                && Duration.between(since, now).compareTo(interval) >= 0
                && lastRecheck.compareAndSet(previous, now);
    }

    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection.get());
    }
}
