package dev.tether.it;

import java.net.URL;
import java.util.UUID;
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

    /** A token for a new user with {@code groups}. */
    String tokenFor(String groups) {
        return tether.token(newUser(groups.replace(',', '-')), groups);
    }
}
