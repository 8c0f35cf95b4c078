package dev.tether.entitlement;

import java.util.Optional;

/** The SEES requestType values. */
public enum RequestType {
    TIME_BASED(1),
    DEVICE_REGISTRATION(2),
    DEVICE_BOUND(3);

    private final int code;

    RequestType(int code) {
        this.code = code;
    }

    public static Optional<RequestType> of(int code) {
        for (RequestType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
