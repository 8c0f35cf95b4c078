package dev.tether.binding;

import dev.tether.platform.Refusal;

/**
 * Why the device APIs refuse a request. The name is the audit trail's reason code; the slug names
 * the problem type of Tether's API.
 */
public enum DeviceRefusal implements Refusal {
    /** The path names a user id that cannot be one. */
    INVALID_USER,
    /** The user has no such device (or it is someone else's: never "forbidden"). */
    UNKNOWN_DEVICE,
    /** An admin blocked the device: its user can neither rename nor remove it. */
    DEVICE_REVOKED,
    /** A revocation of a device that is revoked. */
    ALREADY_REVOKED,
    /** A restore of a device that is not revoked. */
    NOT_REVOKED,
    /** The device would take a slot the user's limit does not have. */
    DEVICE_LIMIT_REACHED,
    /** The user removed a device less than a cooldown ago. */
    REMOVAL_COOLDOWN;

    @Override
    public Kind kind() {
        return switch (this) {
            case INVALID_USER -> Kind.INVALID;
            case UNKNOWN_DEVICE -> Kind.NOT_FOUND;
            default -> Kind.CONFLICT;
        };
    }

    /** The problem types that predate these reason codes keep their names. */
    @Override
    public String slug() {
        return switch (this) {
            case ALREADY_REVOKED -> "device-already-revoked";
            case NOT_REVOKED -> "device-not-revoked";
            default -> Refusal.super.slug();
        };
    }
}
