package dev.tether.entitlement;

import dev.tether.streams.LeaseGrant;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The SEES entitlement response; absent fields are left out of the JSON. Tether's extension
 * members: for PlayReady, the license acquisition URL and the token its player needs apart; for a
 * device-bound request, whether the token is bound to the device; for a stream, its lease's
 * {@code leaseId} and {@code heartbeatInterval} (seconds).
 */
@JsonbPropertyOrder({
    "messageId",
    "version",
    "allowed",
    "epTokenUrl",
    "licenseAcquisitionUrl",
    "token",
    "deviceBound",
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
        @JsonbProperty("licenseAcquisitionUrl") String licenseAcquisitionUrl,
        @JsonbProperty("token") String token,
        @JsonbProperty("deviceBound") Boolean deviceBound,
        @JsonbProperty("customerCookie") String customerCookie,
        @JsonbProperty("error") Integer error,
        @JsonbProperty("errorText") String errorText,
        @JsonbProperty("leaseId") String leaseId,
        @JsonbProperty("heartbeatInterval") Long heartbeatInterval) {

    public static EntitlementResponse granted(String messageId, String tokenUrl, String cookie) {
        return new EntitlementResponse(
                messageId,
                EntitlementRequest.SUPPORTED_VERSION,
                true,
                tokenUrl,
                null,
                null,
                null,
                cookie,
                null,
                null,
                null,
                null);
    }

    /**
     * A grant, with {@code deviceBound} stated for a device-bound request (requestType 3) only,
     * and its stream's lease if it has one (an exempt title or a registration has none).
     */
    public static EntitlementResponse granted(String messageId, Grant grant, boolean deviceBoundRequest) {
        var playReady = grant.tokenUrl().playReady();
        return new EntitlementResponse(
                messageId,
                EntitlementRequest.SUPPORTED_VERSION,
                true,
                grant.tokenUrl().value(),
                playReady.map(pr -> pr.licenseAcquisitionUrl()).orElse(null),
                playReady.map(pr -> pr.token()).orElse(null),
                deviceBoundRequest ? grant.deviceBound() : null,
                grant.cookie().map(Object::toString).orElse(null),
                null,
                null,
                grant.lease().map(LeaseGrant::leaseId).orElse(null),
                grant.lease().map(l -> l.heartbeatInterval().toSeconds()).orElse(null));
    }

    public static EntitlementResponse refused(String messageId, SeesError error, String text) {
        return new EntitlementResponse(
                messageId,
                EntitlementRequest.SUPPORTED_VERSION,
                false,
                null,
                null,
                null,
                null,
                null,
                error.code(),
                text,
                null,
                null);
    }
}
