package dev.tether.entitlement;

import dev.tether.streams.LeaseGrant;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Optional;

/**
 * The SEES entitlement response; absent fields are left out of the JSON. {@code leaseId} and
 * {@code heartbeatInterval} (seconds) are Tether's extension members for a stream's lease.
 */
@JsonbPropertyOrder({
    "messageId",
    "version",
    "allowed",
    "epTokenUrl",
    "customerCookie",
    "error",
    "errorText",
    "leaseId",
    "heartbeatInterval"
})
public record EntitlementResponse(
        @JsonbProperty("messageID") String messageId,
        @JsonbProperty("version") int version,
        @JsonbProperty("isAllowed") boolean allowed,
        @JsonbProperty("epTokenURL") String epTokenUrl,
        @JsonbProperty("customerCookie") String customerCookie,
        @JsonbProperty("error") Integer error,
        @JsonbProperty("errorText") String errorText,
        @JsonbProperty("leaseId") String leaseId,
        @JsonbProperty("heartbeatInterval") Long heartbeatInterval) {

    /** A response without a lease. */
    public EntitlementResponse(
            String messageId,
            int version,
            boolean allowed,
            String epTokenUrl,
            String customerCookie,
            Integer error,
            String errorText) {
        this(messageId, version, allowed, epTokenUrl, customerCookie, error, errorText, null, null);
    }

    /** This grant with its stream's lease, if it has one (an exempt title or a registration has none). */
    public EntitlementResponse withLease(Optional<LeaseGrant> lease) {
        return lease.map(l -> new EntitlementResponse(
                        messageId,
                        version,
                        allowed,
                        epTokenUrl,
                        customerCookie,
                        error,
                        errorText,
                        l.leaseId(),
                        l.heartbeatInterval().toSeconds()))
                .orElse(this);
    }

    public static EntitlementResponse granted(String messageId, String tokenUrl, String cookie) {
        return new EntitlementResponse(
                messageId, EntitlementRequest.SUPPORTED_VERSION, true, tokenUrl, cookie, null, null);
    }

    public static EntitlementResponse refused(String messageId, SeesError error, String text) {
        return new EntitlementResponse(
                messageId, EntitlementRequest.SUPPORTED_VERSION, false, null, null, error.code(), text);
    }
}
