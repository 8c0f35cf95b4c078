package dev.tether.binding;

import dev.tether.platform.Refusal;

/**
 * Why the device APIs refuse a request. The name is the audit trail's reason code; the slug names
 * the problem type of Tether's API.
 */
public enum DeviceRefusal implements Refusal {
    /** The path names a user id that cannot be one. */
    INVALID_USER(Kind.INVALID, "invalid-user"),
    /** The user has no such device (or it is someone else's: never "forbidden"). */
    UNKNOWN_DEVICE(Kind.NOT_FOUND, "unknown-device"),
    /** An admin blocked the device: its user can neither rename nor remove it. */
    DEVICE_REVOKED(Kind.CONFLICT, "device-revoked"),
    /** A revocation of a device that is revoked. */
    ALREADY_REVOKED(Kind.CONFLICT, "device-already-revoked"),
    /** A restore of a device that is not revoked. */
    NOT_REVOKED(Kind.CONFLICT, "device-not-revoked"),
    /** The device would take a slot the user's limit does not have. */
    DEVICE_LIMIT_REACHED(Kind.CONFLICT, "device-limit-reached"),
    /** The user removed a device less than a cooldown ago. */
    REMOVAL_COOLDOWN(Kind.CONFLICT, "removal-cooldown");

    private final Kind kind;
    private final String slug;

    DeviceRefusal(Kind kind, String slug) {
        this.kind = kind;
        this.slug = slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String slug() {
        return slug;
    }
}
