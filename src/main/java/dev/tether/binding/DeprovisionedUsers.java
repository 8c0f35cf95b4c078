package dev.tether.binding;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.identity.UserDeprovisioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends what the binding capability holds for a user the directory deprovisioned, inside the
 * deprovisioning's transaction: every active device removed (revoked ones stay revoked, as a
 * reset leaves them) with its registrations, and every pending cookie ended. Re-activation does
 * not bring them back: the devices register again.
 */
@ApplicationScoped
public class DeprovisionedUsers {

    @Inject
    Devices devices;

    @Inject
    Bindings bindings;

    @Inject
    DevicePolicies policies;

    @Inject
    AuditTrail audit;

    void ended(@Observes UserDeprovisioned event) {
        policies.lock(event.user());
        List<AuditEvent> removals = new ArrayList<>();
        for (Device device : devices.of(event.user(), false)) {
            devices.refresh(device);
            if (device.isActive()) {
                device.remove(event.at());
                int ended = bindings.endAll(event.user(), device.deviceId());
                Decision removal =
                        event.decision().about(AuditType.DEVICE_REMOVED).device(device.deviceId());
                removal.detail().put("deprovisioned", true).put("bindingsEnded", ended);
                removals.add(removal.granted(event.at()).build());
            }
        }
        int cookies = bindings.endPending(event.user());
        bindings.flush();
        event.decision().detail().put("devicesRemoved", removals.size()).put("pendingCookiesEnded", cookies);
        // Recorded after every change: the audit ledger's head is the last lock a transaction takes.
        removals.forEach(audit::record);
    }
}
