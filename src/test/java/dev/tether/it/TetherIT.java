package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box integration test shares: the packaged WAR deployed once per test class,
 * its URL, a client for it, and fresh users so that no test sees another's data.
 */
@ExtendWith(ArquillianExtension.class)
abstract class TetherIT {

    @ArquillianResource
    URL base;

    TetherClient tether;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TetherDeployment.war();
    }

    @BeforeEach
    void connectToTether() {
        tether = new TetherClient(base);
    }

    /** A user name no other test uses. */
    static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * Asks again every half second until {@code done} holds, for at most {@code within}, and
     * returns the last answer: tests wait for a state, not for a guessed time.
     */
    static <T> T eventually(Duration within, Supplier<T> attempt, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        T last = attempt.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = attempt.get();
        }
        assertTrue(done.test(last), "not reached within " + within + ": " + last);
        return last;
    }

    /** A token for a new user with {@code groups}. */
    String tokenFor(String groups) {
        return tether.token(newUser(groups.replace(',', '-')), groups);
    }
}
