package dev.tether.binding;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.security.UserId;
import dev.tether.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two-person reset of all of a user's devices: one admin requests it with a reason, a
 * different admin approves or rejects it before it expires. Approval removes every active device
 * (revoked ones stay revoked) and ends their registrations; it does not touch the user's removal
 * cooldown. One transaction per step.
 */
@ApplicationScoped
public class DeviceResets {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    Devices devices;

    @Inject
    DevicePolicies policies;

    @Inject
    Bindings bindings;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "tether.binding.reset-request-lifetime", defaultValue = "P2D")
    Duration maxLifetime;

    @Transactional
    public ResetView request(UserId admin, UserId user, String reason, Optional<Duration> validFor) {
        Instant now = Instant.now();
        Duration lifetime = validFor.orElse(maxLifetime);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw ApiException.badRequest("invalid-request",
                    "validFor must be positive and at most " + maxLifetime + ".");
        }
        // The user's lock makes "one open request per user" hold under concurrent requests.
        policies.lock(user);
        Optional<DeviceResetRequest> open = em.createQuery(
                        "select r from DeviceResetRequest r where r.userId = :user and r.status = :pending "
                                + "and r.expiresAt > :now", DeviceResetRequest.class)
                .setParameter("user", user.value())
                .setParameter("pending", ResetStatus.PENDING)
                .setParameter("now", now)
                .getResultList().stream().findFirst();
        if (open.isPresent()) {
            audit.recordRefusal(AuditEvent.refused(AuditType.DEVICE_RESET_REQUESTED, "RESET_ALREADY_OPEN", now)
                    .user(user).actor(admin).detail(AuditDetail.of().put("reason", reason)
                            .put("openRequest", open.get().id())).build());
            throw ApiException.conflict("reset-already-open", "Reset request " + open.get().id()
                    + " for this user is waiting for a second admin.");
        }
        DeviceResetRequest created = new DeviceResetRequest(user, admin, reason, now, lifetime);
        em.persist(created);
        em.flush();
        audit.record(AuditEvent.granted(AuditType.DEVICE_RESET_REQUESTED, now).user(user).actor(admin)
                .detail(AuditDetail.of().put("resetRequest", created.id()).put("reason", reason)
                        .put("expiresAt", created.expiresAt()).put("activeDevices", devices.countActive(user)))
                .build());
        return ResetView.of(created, now);
    }

    @Transactional
    public ResetView find(long id) {
        return ResetView.of(load(id), Instant.now());
    }

    @Transactional
    public ResetView approve(UserId admin, long id, String reason) {
        Instant now = Instant.now();
        DeviceResetRequest request = load(id);
        UserId user = request.user();
        refuseIfNotDecidable(admin, request, AuditType.DEVICE_RESET_APPROVED, reason, now);
        policies.lock(user);
        int removed = 0;
        for (Device device : devices.of(user, false)) {
            devices.refresh(device);
            if (device.isActive()) {
                device.remove(now);
                int ended = bindings.endAll(user, device.deviceId());
                removed++;
                audit.record(AuditEvent.granted(AuditType.DEVICE_REMOVED, now).user(user).actor(admin)
                        .device(device.deviceId()).detail(AuditDetail.of().put("resetRequest", id)
                                .put("bindingsEnded", ended)).build());
            }
        }
        request.approve(admin, reason, removed, now);
        audit.record(AuditEvent.granted(AuditType.DEVICE_RESET_APPROVED, now).user(user).actor(admin)
                .detail(AuditDetail.of().put("resetRequest", id).put("requestedBy", request.requestedBy())
                        .put("requestReason", request.reason()).put("reason", reason).put("devicesReset", removed))
                .build());
        return ResetView.of(request, now);
    }

    @Transactional
    public ResetView reject(UserId admin, long id, String reason) {
        Instant now = Instant.now();
        DeviceResetRequest request = load(id);
        refuseIfNotDecidable(admin, request, AuditType.DEVICE_RESET_REJECTED, reason, now);
        request.reject(admin, reason, now);
        audit.record(AuditEvent.granted(AuditType.DEVICE_RESET_REJECTED, now).user(request.user()).actor(admin)
                .detail(AuditDetail.of().put("resetRequest", id).put("requestedBy", request.requestedBy())
                        .put("requestReason", request.reason()).put("reason", reason))
                .build());
        return ResetView.of(request, now);
    }

    /** The request, locked so that two admins deciding at once are decided one after the other. */
    private DeviceResetRequest load(long id) {
        DeviceResetRequest request = em.find(DeviceResetRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ApiException.notFound("unknown-reset-request", "There is no reset request " + id + ".");
        }
        return request;
    }

    private void refuseIfNotDecidable(UserId admin, DeviceResetRequest request, AuditType type, String reason,
                                      Instant now) {
        Optional<DeviceResetRequest.Refusal> refusal = request.refusalFor(admin, now);
        if (refusal.isEmpty()) {
            return;
        }
        audit.recordRefusal(AuditEvent.refused(type, refusal.get().name(), now).user(request.user()).actor(admin)
                .detail(AuditDetail.of().put("resetRequest", request.id()).put("requestedBy", request.requestedBy())
                        .put("reason", reason).put("expiresAt", request.expiresAt()))
                .build());
        throw switch (refusal.get()) {
            case SAME_ADMIN -> ApiException.forbidden("two-person-rule",
                    "The admin who requested a reset cannot decide it; another admin must.");
            case EXPIRED -> ApiException.conflict("reset-expired",
                    "Reset request " + request.id() + " expired at " + request.expiresAt() + "; request a new one.");
            case ALREADY_DECIDED -> ApiException.conflict("reset-decided",
                    "Reset request " + request.id() + " was already " + request.status(now).name().toLowerCase() + ".");
        };
    }
}
