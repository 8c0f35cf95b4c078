package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The syslog push survives a restart of Tether in the middle of a collector outage: the events
 * made before the restart (and so never delivered) and after it all reach the collector once it is
 * back, because the cursor is a database row and the trail is its own outbox. The restart is an
 * undeployment and a new deployment of the WAR, which drops every piece of the application's
 * memory (the job, its timer, its connection), as a server restart does.
 */
@ExtendWith(ArquillianExtension.class)
class SyslogRestartIT {

    private static final String DEPLOYMENT = "restartable";
    private static final Duration WITHIN = Duration.ofSeconds(90);

    @ArquillianResource
    Deployer deployer;

    private final SyslogCollectorFixture collector = new SyslogCollectorFixture();
    private final Http http = new Http(base());

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return TetherDeployment.war();
    }

    /** Where the build's test server serves the WAR (unmanaged deployments get no injected URL before they exist). */
    private static URL base() {
        try {
            return URI.create(System.getProperty("tether.it.base-url", "http://localhost:9080/tether/"))
                    .toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        collector.stop();
        deployer.undeploy(DEPLOYMENT);
    }

    private String auditor() {
        return http.token("auditor-" + UUID.randomUUID(), "auditor");
    }

    private void timeBased(String subscriber) {
        assertTrue(new Player(http)
                .entitlement(subscriber, Player.request(1, "demo-movie"))
                .getBoolean("isAllowed"));
    }

    private JsonObject status(String auditor) {
        return Http.expect(200, http.get("/api/audit/ledger/syslog", auditor));
    }

    private long head(String auditor) {
        return Http.expect(200, http.get("/api/audit/ledger/verify?from=1&to=1", auditor))
                .getJsonNumber("head")
                .longValue();
    }

    @Test
    void eventsUndeliveredAcrossARestartArriveOnceTheCollectorIsBack() throws Exception {
        deployer.deploy(DEPLOYMENT);
        String auditor = auditor();
        String subscriber = http.token("subscriber-" + UUID.randomUUID(), "subscriber");
        timeBased(subscriber);
        timeBased(subscriber);
        long headBefore = head(auditor);
        JsonObject down = eventually(
                WITHIN,
                () -> status(auditor),
                s -> s.containsKey("lastError")
                        && !s.isNull("lastError")
                        && s.getJsonNumber("lagEvents").longValue() > 0);
        long delivered = down.getJsonNumber("deliveredSeq").longValue();
        assertTrue(delivered < headBefore, "events wait for the collector: " + down);

        deployer.undeploy(DEPLOYMENT);
        deployer.deploy(DEPLOYMENT);

        JsonObject restarted = eventually(
                WITHIN,
                () -> status(auditor),
                s -> s.containsKey("lagEvents") && s.getJsonNumber("lagEvents").longValue() > 0);
        assertEquals(
                delivered,
                restarted.getJsonNumber("deliveredSeq").longValue(),
                "the cursor outlived the application: " + restarted);
        timeBased(subscriber);
        long head = head(auditor);
        assertTrue(head > headBefore);

        collector.start();
        eventually(
                WITHIN,
                () -> status(auditor),
                s -> s.getJsonNumber("deliveredSeq").longValue() >= head);

        SyslogCollectorFixture.Received received = collector.received();
        for (long seq = delivered + 1; seq <= head; seq++) {
            assertTrue(received.events().containsKey(seq), "event " + seq + " arrived after the restart");
        }
    }
}
