package dev.tether.binding;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subscriber's own devices: list, rename, remove. Removal frees a slot and ends the device's
 * registrations; it is allowed once per cooldown so that devices cannot be rotated to share an
 * account. The device and the user's policy refuse what they do not allow. One transaction per
 * use case.
 */
@ApplicationScoped
@RecordsRefusals
public class MyDevices {

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    Bindings bindings;

    @Inject
    BindingSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Inject
    Event<DevicesEnded> ended;

    @Transactional
    public List<DeviceView> list(UserId user) {
        return devices.of(user, false).stream().map(DeviceView::of).toList();
    }

    /** A refused rename (of a revoked device) is answered, not audited: it changes nothing an auditor follows. */
    @Transactional
    public DeviceView rename(UserId user, long id, String label) {
        Device device = visible(user, id);
        device.rename(label);
        Decision decision = decisions.open(AuditType.DEVICE_RENAMED).user(user).device(device.deviceId());
        decision.detail().put("label", label);
        audit.record(decision.granted(Instant.now()).build());
        return DeviceView.of(device);
    }

    @Transactional
    public void remove(UserId user, long id) {
        Instant now = Instant.now();
        Duration cooldown = settings.removalCooldown();
        DevicePolicy policy = policies.lock(user);
        Device device = visible(user, id);
        devices.refresh(device);
        Decision decision = decisions.open(AuditType.DEVICE_REMOVED).user(user).device(device.deviceId());
        decision.detail()
                .put("activeDevices", devices.countActive(user))
                .put("limit", policy.limit(settings.maxActiveDevices()))
                .put("cooldown", cooldown)
                .put("lastRemovalAt", policy.lastRemovalAt().orElse(null));
        device.remove(now);
        // A running cooldown refuses the removal below; its record says when the next one is possible.
        policy.nextRemovalAt(cooldown, now).ifPresent(next -> decision.detail().put("nextRemovalAt", next));
        policy.removed(cooldown, now);
        int bindingsEnded = bindings.endAll(user, device.deviceId());
        decision.detail().put("bindingsEnded", bindingsEnded).put("nextRemovalAt", now.plus(cooldown));
        this.ended.fire(new DevicesEnded(user, Optional.of(device.deviceId()), DevicesEnded.Cause.REMOVAL, user, now));
        audit.record(decision.granted(now).build());
    }

    /** The user's device, unless removed; someone else's device is "not found", never "forbidden". */
    private Device visible(UserId user, long id) {
        return devices.ofUser(user, id)
                .filter(d -> d.status() != DeviceStatus.REMOVED)
                .orElseThrow(
                        () -> new RefusedException(DeviceRefusal.UNKNOWN_DEVICE, "You have no device " + id + "."));
    }
}
