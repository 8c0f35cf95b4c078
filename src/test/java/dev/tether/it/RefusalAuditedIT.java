package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.binding.BindingStatus;
import dev.tether.content.DemoCatalog;
import dev.tether.entitlement.Caller;
import dev.tether.entitlement.EntitlementRefusedException;
import dev.tether.entitlement.EntitlementService;
import dev.tether.entitlement.Grant;
import dev.tether.entitlement.SeesError;
import dev.tether.security.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, with its real transactions and interceptors: a refusal is audited although
 * the use case's transaction rolls back. A device-bound request for a pending cookie stores the
 * device ExpressPlay logged (and its resolution event), then admission refuses the device at the
 * limit; the refusal's event must be committed, and the resolution, its event and the device must
 * be gone with the rollback. The black-box suites cannot see this: both outcomes answer the same.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalAuditedIT {

    @Inject
    EntitlementService entitlements;

    @Inject
    TrailProbe probe;

    @Deployment
    static WebArchive deployment() {
        return TetherDeployment.war().addClasses(RefusalAuditedIT.class, TrailProbe.class, RedeemedExpressPlay.class);
    }

    @Test
    void aRefusalAtTheLimitIsAuditedWhileTheResolutionBeforeItRollsBack() {
        UserId user = new UserId("rollback-" + UUID.randomUUID());
        Caller caller = new Caller(user, Set.of(), UUID.randomUUID().toString(), "127.0.0.1");
        Grant registration = entitlements.register(caller, DemoCatalog.MOVIE, Optional.empty());
        String cookie = registration.cookie().orElseThrow().value();
        probe.limitDevices(user, 0);

        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class,
                () -> entitlements.deviceBound(caller, DemoCatalog.MOVIE, Optional.of(cookie)));

        assertEquals(SeesError.DEVICE_LIMIT_REACHED, refused.error());
        assertEquals(
                List.of("REGISTRATION GRANTED", "DEVICE_BOUND_TOKEN REFUSED DEVICE_LIMIT_REACHED"),
                probe.eventsOf(user),
                "the refusal committed, the resolution event rolled back");
        assertEquals(Optional.of(BindingStatus.PENDING), probe.bindingStatus(cookie), "the resolution rolled back");
        assertEquals(0, probe.devicesOf(user), "no device bound");
    }
}
