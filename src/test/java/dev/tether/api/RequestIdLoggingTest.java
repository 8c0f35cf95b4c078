package dev.tether.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.platform.RequestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler on dev.tether rewrites a record before the handlers above it (the server's) write it. */
class RequestIdLoggingTest {

    private final RequestIdLogging logging = new RequestIdLogging();
    private final Logger root = Logger.getLogger("");
    private final List<String> written = new ArrayList<>();
    private final Handler server = new Handler() {
        @Override
        public void publish(LogRecord record) {
            written.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void attach() {
        logging.contextInitialized(null);
        root.addHandler(server);
    }

    @AfterEach
    void detach() {
        root.removeHandler(server);
        logging.contextDestroyed(null);
    }

    @Test
    void aLineOfTetherWhileServingARequestCarriesItsId() {
        Logger tether = Logger.getLogger("dev.tether.entitlement.Somewhere");
        try (RequestIds.Scope bound = RequestIds.bind("4bf92f3577b34da6a3ce929d0e0e4736")) {
            tether.warning("ExpressPlay refused");
            tether.log(Level.WARNING, "with {0}", "a parameter");
        }
        tether.warning("outside any request");

        assertEquals(
                List.of(
                        "[requestId=4bf92f3577b34da6a3ce929d0e0e4736] ExpressPlay refused",
                        "[requestId=4bf92f3577b34da6a3ce929d0e0e4736] with {0}",
                        "outside any request"),
                written);
    }

    @Test
    void otherLoggersAreLeftAlone() {
        try (RequestIds.Scope bound = RequestIds.bind("4bf92f3577b34da6a3ce929d0e0e4736")) {
            Logger.getLogger("org.example.Library").warning("not ours");
        }
        assertEquals(List.of("not ours"), written);
    }
}
