package dev.tether.binding.reset;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.binding.BindingSettings;
import dev.tether.binding.Bindings;
import dev.tether.binding.Device;
import dev.tether.binding.DevicePolicies;
import dev.tether.binding.Devices;
import dev.tether.binding.DevicesEnded;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two-person reset of all of a user's devices: one admin requests it with a reason, a
 * different admin approves or rejects it before it expires; the request itself refuses a decision
 * it does not allow. Approval removes every active device (revoked ones stay revoked) and ends
 * their registrations; it does not touch the user's removal cooldown. One transaction per step.
 */
@ApplicationScoped
@RecordsRefusals
public class DeviceResets {

    /** Ends what depends on the user's devices (their streams), in this transaction. */
    @Inject
    Event<DevicesEnded> ended;

    @Inject
    ResetRequests requests;

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

    @Transactional
    public ResetView request(UserId admin, UserId user, String reason, Optional<Duration> validFor) {
        Instant now = Instant.now();
        Duration maxLifetime = settings.resetRequestLifetime();
        Duration lifetime = validFor.orElse(maxLifetime);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new RefusedException(
                    ResetRefusal.INVALID_VALIDITY, "validFor must be positive and at most " + maxLifetime + ".");
        }
        Decision decision =
                decisions.open(AuditType.DEVICE_RESET_REQUESTED).user(user).actor(admin);
        // The user's lock makes "one open request per user" hold under concurrent requests.
        policies.lock(user);
        Optional<DeviceResetRequest> open = requests.openFor(user, now);
        if (open.isPresent()) {
            decision.detail()
                    .put("reason", reason)
                    .put("openRequest", open.get().id());
            throw new RefusedException(
                    ResetRefusal.RESET_ALREADY_OPEN,
                    "Reset request " + open.get().id() + " for this user is waiting for a second admin.");
        }
        DeviceResetRequest created = new DeviceResetRequest(user, admin, reason, now, lifetime);
        requests.add(created);
        decision.detail()
                .put("resetRequest", created.id())
                .put("reason", reason)
                .put("expiresAt", created.expiresAt())
                .put("activeDevices", devices.countActive(user));
        audit.record(decision.granted(now).build());
        return ResetView.of(created, now);
    }

    @Transactional
    public ResetView find(long id) {
        return ResetView.of(requests.find(id).orElseThrow(() -> unknown(id)), Instant.now());
    }

    @Transactional
    public ResetView approve(UserId admin, long id, String reason) {
        Instant now = Instant.now();
        DeviceResetRequest request = decidable(id);
        UserId user = request.user();
        Decision decision = decision(AuditType.DEVICE_RESET_APPROVED, admin, request, reason);
        request.approve(admin, reason, now, () -> removeAll(decision, admin, user, id, now));
        audit.record(decision.granted(now)
                .detail(decided(request, reason).put("devicesReset", request.devicesReset()))
                .build());
        return ResetView.of(request, now);
    }

    @Transactional
    public ResetView reject(UserId admin, long id, String reason) {
        Instant now = Instant.now();
        DeviceResetRequest request = decidable(id);
        Decision decision = decision(AuditType.DEVICE_RESET_REJECTED, admin, request, reason);
        request.reject(admin, reason, now);
        audit.record(decision.granted(now).detail(decided(request, reason)).build());
        return ResetView.of(request, now);
    }

    /** The request, locked, so that two admins deciding at once are decided one after the other. */
    private DeviceResetRequest decidable(long id) {
        return requests.lock(id).orElseThrow(() -> unknown(id));
    }

    /** A decision on {@code request}; its detail is what a refused decision records. */
    private Decision decision(AuditType type, UserId admin, DeviceResetRequest request, String reason) {
        Decision decision = decisions.open(type).user(request.user()).actor(admin);
        decision.detail()
                .put("resetRequest", request.id())
                .put("requestedBy", request.requestedBy())
                .put("reason", reason)
                .put("expiresAt", request.expiresAt());
        return decision;
    }

    /** What the grant of a decision records: the request, who asked for it and why, and the decider's reason. */
    private static AuditDetail decided(DeviceResetRequest request, String reason) {
        return AuditDetail.of()
                .put("resetRequest", request.id())
                .put("requestedBy", request.requestedBy())
                .put("requestReason", request.reason())
                .put("reason", reason);
    }

    /** Removes each of the user's active devices, each removal audited on its own; returns how many. */
    private int removeAll(Decision reset, UserId admin, UserId user, long id, Instant now) {
        policies.lock(user);
        List<AuditEvent> removals = new ArrayList<>();
        for (Device device : devices.of(user, false)) {
            devices.refresh(device);
            if (device.isActive()) {
                device.remove(now);
                int ended = bindings.endAll(user, device.deviceId());
                Decision removal = reset.about(AuditType.DEVICE_REMOVED).device(device.deviceId());
                removal.detail().put("resetRequest", id).put("bindingsEnded", ended);
                removals.add(removal.granted(now).build());
            }
        }
        ended.fire(new DevicesEnded(user, Optional.empty(), DevicesEnded.Cause.RESET, admin, now));
        // Recorded after every removal: the audit ledger's head is the last lock a transaction takes.
        removals.forEach(audit::record);
        return removals.size();
    }

    private static RefusedException unknown(long id) {
        return new RefusedException(ResetRefusal.UNKNOWN_RESET_REQUEST, "There is no reset request " + id + ".");
    }
}
