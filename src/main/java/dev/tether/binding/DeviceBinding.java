package dev.tether.binding;

import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One registration: the cookie handed to a user and, once a device redeemed the registration
 * token, the device id ExpressPlay logged for it. The device id is resolved once and then read
 * from here, because ExpressPlay's record retrieval is a slow troubleshooting API.
 */
@Entity
@Table(name = "device_binding")
public class DeviceBinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cookie", nullable = false, unique = true, updatable = false)
    private String cookie;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private BindingStatus status;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private long version;

    protected DeviceBinding() {}

    private DeviceBinding(Cookie cookie, UserId user, Instant now, Duration lifetime) {
        this.cookie = cookie.value();
        this.userId = user.value();
        this.status = BindingStatus.PENDING;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** A new, pending binding of {@code cookie} to {@code user}, valid for {@code lifetime}. */
    public static DeviceBinding register(Cookie cookie, UserId user, Instant now, Duration lifetime) {
        Objects.requireNonNull(cookie);
        Objects.requireNonNull(user);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a binding must live for a positive time");
        }
        return new DeviceBinding(cookie, user, now, lifetime);
    }

    public Cookie cookie() {
        return new Cookie(cookie);
    }

    public UserId user() {
        return new UserId(userId);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user.value());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public BindingStatus status() {
        return status;
    }

    public Optional<DeviceId> deviceId() {
        return Optional.ofNullable(deviceId).map(DeviceId::new);
    }

    /** Whether the binding's device was removed, so that the cookie no longer serves. */
    public boolean isEnded() {
        return status == BindingStatus.ENDED;
    }

    /** Stores the device id ExpressPlay logged for this cookie; a binding resolves once, to one device. */
    public void resolve(DeviceId device, Instant now) {
        if (status == BindingStatus.ENDED) {
            throw new IllegalStateException("an ended binding does not resolve again");
        }
        if (status == BindingStatus.RESOLVED) {
            if (!device.value().equals(deviceId)) {
                throw new IllegalStateException("binding already resolved to another device");
            }
            return;
        }
        this.deviceId = device.value();
        this.status = BindingStatus.RESOLVED;
        this.resolvedAt = now;
    }
}
