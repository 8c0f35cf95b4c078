package dev.tether.binding;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.security.UserId;
import dev.tether.api.ApiException;
import dev.tether.api.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A subscriber's own devices: list, rename, remove. Removal frees a slot and ends the device's
 * registrations; it is allowed once per cooldown so that devices cannot be rotated to share an
 * account. One transaction per use case.
 */
@ApplicationScoped
public class MyDevices {

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    Bindings bindings;

    @Inject
    DeviceRoster roster;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "tether.binding.removal-cooldown", defaultValue = "P30D")
    Duration removalCooldown;

    @Transactional
    public List<DeviceView> list(UserId user) {
        return devices.of(user, false).stream().map(DeviceView::of).toList();
    }

    @Transactional
    public DeviceView rename(UserId user, long id, String label) {
        Device device = visible(user, id);
        if (!device.isActive()) {
            throw ApiException.conflict("device-revoked", "A revoked device cannot be renamed.");
        }
        device.rename(label);
        audit.record(AuditEvent.granted(AuditType.DEVICE_RENAMED, Instant.now()).user(user).device(device.deviceId())
                .detail(AuditDetail.of().put("label", label)).build());
        return DeviceView.of(device);
    }

    @Transactional
    public void remove(UserId user, long id) {
        Instant now = Instant.now();
        DevicePolicy policy = policies.lock(user);
        Device device = visible(user, id);
        devices.refresh(device);
        long active = devices.countActive(user);
        AuditDetail detail = AuditDetail.of()
                .put("activeDevices", active).put("limit", policy.limit(roster.defaultLimit()))
                .put("cooldown", removalCooldown)
                .put("lastRemovalAt", policy.lastRemovalAt().orElse(null));
        if (device.isRevoked()) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_REMOVED, "DEVICE_REVOKED", now).user(user)
                    .device(device.deviceId()).detail(detail).build());
            throw ApiException.conflict("device-revoked",
                    "This device was blocked by an administrator; it cannot be removed. Contact support.");
        }
        Optional<Instant> next = policy.nextRemovalAt(removalCooldown, now);
        if (next.isPresent()) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_REMOVED, "REMOVAL_COOLDOWN", now).user(user)
                    .device(device.deviceId()).detail(detail.put("nextRemovalAt", next.get())).build());
            throw new ApiException(Problem.of("removal-cooldown", "Conflict", 409,
                    "You can remove one device every " + describe(removalCooldown) + "; your next removal is possible at "
                            + next.get() + ".").notBefore(next.get()));
        }
        device.remove(now);
        policy.removed(removalCooldown, now);
        int ended = bindings.endAll(user, device.deviceId());
        audit.record(AuditEvent.granted(AuditType.DEVICE_REMOVED, now).user(user).device(device.deviceId())
                .detail(detail.put("bindingsEnded", ended).put("nextRemovalAt", now.plus(removalCooldown))).build());
    }

    /** The user's device, unless removed; someone else's device is "not found", never "forbidden". */
    private Device visible(UserId user, long id) {
        return devices.ofUser(user, id).filter(d -> d.status() != DeviceStatus.REMOVED).orElseThrow(() ->
                ApiException.notFound("unknown-device", "You have no device " + id + "."));
    }

    static String describe(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0) {
            return duration.toDays() + " days";
        }
        return duration.toString();
    }
}
