package dev.tether.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that inject faults into the simulated ExpressPlay: an admin to inject them, an auditor to
 * read the trail, a fresh subscriber, and no fault left over before or after each test.
 */
abstract class FaultInjectingIT extends TetherIT {

    String admin;
    String auditor;
    String user;
    String token;

    @BeforeEach
    void signInAndClearFaults() {
        admin = tokenFor("admin");
        auditor = tokenFor("auditor");
        user = newUser("user");
        token = http.token(user, "subscriber");
        asFaultOperator.reset(admin);
    }

    @AfterEach
    void clearFaults() {
        asFaultOperator.reset(admin);
    }
}
