package dev.tether.binding;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.security.UserId;
import dev.tether.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An admin's hold on any user's devices: list them, see and override the device limit, revoke a
 * device (it gets no new token) and restore it. Every step is audited with the admin as actor and
 * the reason in the detail. One transaction per use case.
 */
@ApplicationScoped
public class DeviceAdministration {

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    DeviceRoster roster;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "tether.binding.removal-cooldown", defaultValue = "P30D")
    Duration removalCooldown;

    @Transactional
    public List<AdminDeviceView> devicesOf(UserId user) {
        return devices.of(user, true).stream().map(AdminDeviceView::of).toList();
    }

    @Transactional
    public DeviceLimitView limitOf(UserId user) {
        Optional<DevicePolicy> policy = policies.find(user);
        return view(user, policy);
    }

    @Transactional
    public DeviceLimitView setLimit(UserId admin, UserId user, Optional<Integer> limit) {
        DevicePolicy policy = policies.lock(user);
        int before = policy.limit(roster.defaultLimit());
        policy.override(limit);
        audit.record(AuditEvent.granted(AuditType.DEVICE_LIMIT_SET, Instant.now()).user(user).actor(admin)
                .detail(AuditDetail.of().put("limitBefore", before).put("limit", policy.limit(roster.defaultLimit()))
                        .put("override", limit.map(String::valueOf).orElse("none"))
                        .put("activeDevices", devices.countActive(user)))
                .build());
        return view(user, Optional.of(policy));
    }

    @Transactional
    public AdminDeviceView revoke(UserId admin, UserId user, long id, String reason) {
        Instant now = Instant.now();
        Device device = device(user, id);
        if (device.isRevoked()) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_REVOKED, "ALREADY_REVOKED", now).user(user)
                    .actor(admin).device(device.deviceId()).detail(AuditDetail.of().put("reason", reason)).build());
            throw ApiException.conflict("device-already-revoked", "Device " + id + " is already revoked.");
        }
        DeviceStatus before = device.status();
        device.revoke(admin, reason, now);
        audit.record(AuditEvent.granted(AuditType.DEVICE_REVOKED, now).user(user).actor(admin).device(device.deviceId())
                .detail(AuditDetail.of().put("reason", reason).put("statusBefore", before.name())).build());
        return AdminDeviceView.of(device);
    }

    /** Lifts a revocation; a restored device takes a slot again, so it must fit under the limit. */
    @Transactional
    public AdminDeviceView restore(UserId admin, UserId user, long id, String reason) {
        Instant now = Instant.now();
        DevicePolicy policy = policies.lock(user);
        Device device = device(user, id);
        devices.refresh(device);
        long active = devices.countActive(user);
        int limit = policy.limit(roster.defaultLimit());
        AuditDetail detail = AuditDetail.of().put("reason", reason).put("activeDevices", active).put("limit", limit);
        if (!device.isRevoked()) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_RESTORED, "NOT_REVOKED", now).user(user)
                    .actor(admin).device(device.deviceId()).detail(detail).build());
            throw ApiException.conflict("device-not-revoked", "Device " + id + " is not revoked.");
        }
        boolean takesSlot = device.removedAt() == null;
        if (takesSlot && !DevicePolicy.admitsAnother(active, limit)) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_RESTORED, "DEVICE_LIMIT_REACHED", now).user(user)
                    .actor(admin).device(device.deviceId()).detail(detail).build());
            throw ApiException.conflict("device-limit-reached", "The user has " + active + " active devices of " + limit
                    + "; raise the limit or have a device removed before restoring this one.");
        }
        device.restore();
        audit.record(AuditEvent.granted(AuditType.DEVICE_RESTORED, now).user(user).actor(admin).device(device.deviceId())
                .detail(detail.put("statusAfter", device.status().name())).build());
        return AdminDeviceView.of(device);
    }

    private Device device(UserId user, long id) {
        return devices.ofUser(user, id).orElseThrow(() ->
                ApiException.notFound("unknown-device", "User " + user + " has no device " + id + "."));
    }

    private DeviceLimitView view(UserId user, Optional<DevicePolicy> policy) {
        int defaultLimit = roster.defaultLimit();
        Instant now = Instant.now();
        return new DeviceLimitView(user.value(), policy.map(p -> p.limit(defaultLimit)).orElse(defaultLimit),
                defaultLimit, policy.flatMap(DevicePolicy::override).orElse(null), devices.countActive(user),
                policy.flatMap(p -> p.nextRemovalAt(removalCooldown, now)).orElse(null));
    }
}
