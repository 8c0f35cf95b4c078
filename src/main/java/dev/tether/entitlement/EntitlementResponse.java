package dev.tether.entitlement;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The SEES entitlement response; absent fields are left out of the JSON. */
@JsonbPropertyOrder({"messageId", "version", "allowed", "epTokenUrl", "customerCookie", "error", "errorText"})
public record EntitlementResponse(
        @JsonbProperty("messageID") String messageId,
        @JsonbProperty("version") int version,
        @JsonbProperty("isAllowed") boolean allowed,
        @JsonbProperty("epTokenURL") String epTokenUrl,
        @JsonbProperty("customerCookie") String customerCookie,
        @JsonbProperty("error") Integer error,
        @JsonbProperty("errorText") String errorText) {

    public static EntitlementResponse granted(String messageId, String tokenUrl, String cookie) {
        return new EntitlementResponse(
                messageId, EntitlementRequest.SUPPORTED_VERSION, true, tokenUrl, cookie, null, null);
    }

    public static EntitlementResponse refused(String messageId, SeesError error, String text) {
        return new EntitlementResponse(
                messageId, EntitlementRequest.SUPPORTED_VERSION, false, null, null, error.code(), text);
    }
}
