package dev.tether.binding;

import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Admits a user's device to a device-bound token under the device limit. A known active device
 * passes without a lock; a device that would take a slot (new, or back after removal) locks the
 * user's policy row first, then counts, so that concurrent requests on any number of servers can
 * never bind more devices than the limit. Joins the caller's transaction.
 */
@ApplicationScoped
public class DeviceRoster {

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    BindingSettings settings;

    public Admission admit(UserId user, DeviceId deviceId, ContentId content, Instant now) {
        Optional<Device> known = devices.find(user, deviceId);
        if (known.isPresent() && known.get().isActive()) {
            if (known.get().needsTouch(content, now)) {
                devices.touch(known.get(), content, now);
            }
            return Admission.knownDevice();
        }
        DevicePolicy policy = policies.lock(user);
        // Under the lock, see what concurrent transactions committed before it was granted.
        Optional<Device> current = devices.find(user, deviceId);
        current.ifPresent(devices::refresh);
        long active = devices.countActive(user);
        int limit = policy.limit(settings.maxActiveDevices());
        if (current.isPresent() && current.get().isRevoked()) {
            return new Admission(Admission.Outcome.REVOKED, active, limit, false);
        }
        if (current.isPresent() && current.get().isActive()) {
            devices.touch(current.get(), content, now);
            return new Admission(Admission.Outcome.ADMITTED, active, limit, false);
        }
        if (!DevicePolicy.admitsAnother(active, limit)) {
            return new Admission(Admission.Outcome.LIMIT_REACHED, active, limit, true);
        }
        if (current.isPresent()) {
            current.get().reactivate(now);
            current.get().seen(content, now);
        } else {
            Device created = new Device(user, deviceId, now);
            created.seen(content, now);
            devices.add(created);
        }
        return new Admission(Admission.Outcome.ADMITTED, active + 1, limit, true);
    }
}
