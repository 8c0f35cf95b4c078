package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box integration test shares: the packaged WAR deployed once per test class,
 * its URL, a client for each role that speaks to it, and fresh users so that no test sees
 * another's data. The clients' fields say "as" because the tests' own fields hold the tokens
 * ({@code admin}, {@code auditor}).
 */
@ExtendWith(ArquillianExtension.class)
abstract class TetherIT {

    @ArquillianResource
    URL base;

    Http http;
    Player asPlayer;
    Subscriber asSubscriber;
    Auditor asAuditor;
    Admin asAdmin;
    FaultOperator asFaultOperator;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TetherDeployment.war();
    }

    @BeforeEach
    void connectToTether() {
        http = new Http(base);
        asPlayer = new Player(http);
        asSubscriber = new Subscriber(http);
        asAuditor = new Auditor(http);
        asAdmin = new Admin(http);
        asFaultOperator = new FaultOperator(http);
    }

    /** A user name no other test uses. */
    static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * No header of an answer is the server's own: X-Powered-By names it, and a name starting with
     * {@code $} is WebSphere's private header family ({@code $WSEP} and the like), meant for a web
     * server plug-in and never for a client. The refusal tests run every answer through this.
     */
    static void assertNoInternalHeaderNames(String name, Iterable<String> headerNames) {
        for (String header : headerNames) {
            assertFalse(header.startsWith("$"), name + ": the server's private header " + header);
            assertFalse(header.toLowerCase(Locale.ROOT).equals("x-powered-by"), name + ": " + header);
        }
    }

    /** A token for a new user with {@code groups}. */
    String tokenFor(String groups) {
        return http.token(newUser(groups.replace(',', '-')), groups);
    }
}
