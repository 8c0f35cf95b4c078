package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.streams.StreamSettings;
import dev.tether.streams.Streams;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on its real database: the scheduled purge deletes, across users, exactly the
 * leases that stopped more than the retention ago, and keeps the running ones and those that
 * stopped since (a late heartbeat still hears 409 {@code stream-ended} for those).
 */
@ExtendWith(ArquillianExtension.class)
class LeasePurgeIT {

    @Inject
    LeaseProbe probe;

    @Inject
    Streams streams;

    @Inject
    StreamSettings settings;

    @Deployment
    static WebArchive deployment() {
        return TetherDeployment.war().addClasses(LeasePurgeIT.class, LeaseProbe.class);
    }

    @Test
    void stoppedLeasesPastTheRetentionAreDeletedForEveryUserAndNoOthers() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(settings.retention());
        Duration minute = Duration.ofMinutes(1);
        String one = "purge-" + UUID.randomUUID();
        String other = "purge-" + UUID.randomUUID();
        String oldOfOne = probe.add(one, cutoff.minus(minute.multipliedBy(10)), cutoff.minus(minute));
        String oldOfOther = probe.add(other, cutoff.minus(minute.multipliedBy(10)), cutoff.minus(minute));
        String recent = probe.add(one, cutoff.minus(minute.multipliedBy(10)), cutoff.plus(minute));
        String running = probe.add(other, now.minus(minute), null);
        // Started long ago and never ended: no one has noticed its expiry yet, so its user's next
        // admission still has to audit it; the purge leaves it.
        String lapsed = probe.add(one, cutoff.minus(minute.multipliedBy(10)), null);

        // The count is not asserted: the server's own scheduled run may have taken them first.
        streams.purgeStopped(now);

        assertFalse(probe.exists(oldOfOne), "stopped before the retention: deleted");
        assertFalse(probe.exists(oldOfOther), "another user's too, with no admission of theirs");
        assertTrue(probe.exists(recent), "stopped within the retention: kept for a late heartbeat's 409");
        assertTrue(probe.exists(running), "running: kept");
        assertTrue(probe.exists(lapsed), "lapsed but not yet marked: kept for its expiry's audit event");
    }
}
