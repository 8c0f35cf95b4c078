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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An admin's hold on any user's devices: list them, see and override the device limit, revoke a
 * device (it gets no new token) and restore it. Every step is audited with the admin as actor and
 * the reason in the detail; the device refuses what its state does not allow. One transaction per
 * use case.
 */
@ApplicationScoped
@RecordsRefusals
public class DeviceAdministration {

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    BindingSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    /** Ends what depends on a revoked device (its streams), in this transaction. */
    @Inject
    Event<DevicesEnded> ended;

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
        int before = policy.limit(settings.maxActiveDevices());
        policy.override(limit);
        Decision decision =
                decisions.open(AuditType.DEVICE_LIMIT_SET).user(user).actor(admin);
        decision.detail()
                .put("limitBefore", before)
                .put("limit", policy.limit(settings.maxActiveDevices()))
                .put("override", limit.map(String::valueOf).orElse("none"))
                .put("activeDevices", devices.countActive(user));
        audit.record(decision.granted(Instant.now()).build());
        return view(user, Optional.of(policy));
    }

    @Transactional
    public AdminDeviceView revoke(UserId admin, UserId user, long id, String reason) {
        Instant now = Instant.now();
        Device device = device(user, id);
        Decision decision =
                decisions.open(AuditType.DEVICE_REVOKED).user(user).actor(admin).device(device.deviceId());
        decision.detail().put("reason", reason);
        DeviceStatus before = device.status();
        device.revoke(admin, reason, now);
        decision.detail().put("statusBefore", before.name());
        ended.fire(new DevicesEnded(user, Optional.of(device.deviceId()), DevicesEnded.Cause.REVOCATION, admin, now));
        audit.record(decision.granted(now).build());
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
        int limit = policy.limit(settings.maxActiveDevices());
        Decision decision = decisions
                .open(AuditType.DEVICE_RESTORED)
                .user(user)
                .actor(admin)
                .device(device.deviceId());
        decision.detail().put("reason", reason).put("activeDevices", active).put("limit", limit);
        device.restore(active, limit);
        decision.detail().put("statusAfter", device.status().name());
        audit.record(decision.granted(now).build());
        return AdminDeviceView.of(device);
    }

    private Device device(UserId user, long id) {
        return devices.ofUser(user, id)
                .orElseThrow(() -> new RefusedException(
                        DeviceRefusal.UNKNOWN_DEVICE, "User " + user + " has no device " + id + "."));
    }

    private DeviceLimitView view(UserId user, Optional<DevicePolicy> policy) {
        int defaultLimit = settings.maxActiveDevices();
        Instant now = Instant.now();
        return new DeviceLimitView(
                user.value(),
                policy.map(p -> p.limit(defaultLimit)).orElse(defaultLimit),
                defaultLimit,
                policy.flatMap(DevicePolicy::override).orElse(null),
                devices.countActive(user),
                policy.flatMap(p -> p.nextRemovalAt(settings.removalCooldown(), now))
                        .orElse(null));
    }
}
