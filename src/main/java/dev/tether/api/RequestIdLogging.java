package dev.tether.api;

import dev.tether.platform.RequestIds;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the request id into every line Tether's own code logs while it serves a request.
 * java.util.logging has no MDC, and neither server's context API is standard, so this handler,
 * attached to the {@code dev.tether} logger, prefixes the record's message with
 * {@code [requestId=…]}: a logger hands a record to its own handlers, then to its parents', so this
 * one sees every record of a {@code dev.tether.*} logger before the server's root handler writes it
 * (as text or as the {@code message} of a JSON line). An ExpressPlay call's attempts, on fault
 * tolerance's threads, have the id bound there too ({@code dev.tether.platform.FollowsTheRequest});
 * the server's own lines carry no id; the access log carries the response's {@code X-Request-Id}
 * (liberty/server.xml, server-config/wildfly/tether.cli).
 */
@WebListener
public class RequestIdLogging implements ServletContextListener {

    /** Held here: a logger with no strong reference can be collected, and its handler with it. */
    private final Logger tether = Logger.getLogger("dev.tether");

    private final Handler handler = new Prefixing();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        tether.addHandler(handler);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        tether.removeHandler(handler);
    }

    /** Writes nothing: it adds the id to the record that the server's handlers then write. */
    static final class Prefixing extends Handler {

        static final String PREFIX = "[requestId=";

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            // A localized message's text is a key; rewriting it would lose the translation.
            if (record.getResourceBundle() != null || (message != null && message.startsWith(PREFIX))) {
                return;
            }
            RequestIds.current()
                    .ifPresent(id -> record.setMessage(PREFIX + id + "] " + (message == null ? "" : message)));
        }

        @Override
        public void flush() {
            // Nothing is buffered: the record is written by the server's handlers.
        }

        @Override
        public void close() {
            // Holds nothing to release.
        }
    }
}
