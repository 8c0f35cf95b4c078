package dev.tether.entitlement;

import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.content.ContentId;
import dev.tether.content.Drm;
import dev.tether.platform.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a SEES entitlement request from the wire, strictly: {@code application/json}, not
 * compressed, a body within the size limit that is exactly one JSON object read by
 * {@link StrictJson} (no repeated member, integers only as integer literals), every field of the
 * right type. A request that fails is refused in SEES form (HTTP 400) and
 * audited with the user who sent it.
 */
@ApplicationScoped
@RecordsRefusals
public class SeesRequests {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    @ConfigProperty(name = "tether.sees.max-body-bytes", defaultValue = "4096")
    int maxBodyBytes;

    @Inject
    Decisions decisions;

    /**
     * The request in {@code body}, sent as {@code contentType} with {@code contentEncoding} (null
     * when the request has none): a compressed body is refused before a byte of it is read, so
     * that no body inflates beyond the limit.
     */
    public EntitlementRequest read(InputStream body, String contentType, String contentEncoding, Caller caller) {
        return read(body, -1, contentType, contentEncoding, caller);
    }

    /**
     * As {@link #read(InputStream, String, String, Caller)}, with the body's declared length (-1 when
     * none): a body declared over the limit is refused before a byte of it is read, so that a
     * server's own, larger limit (WildFly's max-post-size) never fails the read instead.
     */
    public EntitlementRequest read(
            InputStream body, long declaredLength, String contentType, String contentEncoding, Caller caller) {
        Decision decision =
                decisions.open(AuditType.INVALID_REQUEST).user(caller.user()).request(null, caller.clientAddress());
        if (!StrictJson.isJsonMediaType(contentType)) {
            throw refuse(
                    null,
                    SeesError.INVALID_REQUEST,
                    "Content-Type must be application/json (optionally with charset=utf-8).");
        }
        if (contentEncoding != null && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            throw refuse(
                    null, SeesError.INVALID_REQUEST, "A compressed request body (Content-Encoding) is not accepted.");
        }
        if (declaredLength > maxBodyBytes) {
            throw EntitlementRefusedException.bodyTooLarge("The request body exceeds " + maxBodyBytes + " bytes.");
        }
        byte[] bytes = readAtMost(body, maxBodyBytes);
        if (bytes == null) {
            throw EntitlementRefusedException.bodyTooLarge("The request body exceeds " + maxBodyBytes + " bytes.");
        }
        JsonObject json;
        try {
            json = StrictJson.readObject(bytes);
        } catch (StrictJson.MalformedJsonException e) {
            throw refuse(null, SeesError.INVALID_REQUEST, e.violation().text());
        }

        JsonValue messageValue = json.get("messageID");
        if (!(messageValue instanceof JsonString messageString)) {
            throw refuse(null, SeesError.INVALID_REQUEST, "messageID is required and must be a string.");
        }
        String messageId = messageString.getString();
        if (!GUID.matcher(messageId).matches()) {
            throw refuse(null, SeesError.INVALID_REQUEST, "messageID must be a GUID.");
        }
        decision.request(messageId, caller.clientAddress());
        Integer version = integer(json, "version");
        if (version == null) {
            throw refuse(messageId, SeesError.INVALID_REQUEST, "version is required and must be an integer.");
        }
        if (version != EntitlementRequest.SUPPORTED_VERSION) {
            throw refuse(
                    messageId,
                    SeesError.UNSUPPORTED_VERSION,
                    "version " + version + " is not supported; the highest supported version is "
                            + EntitlementRequest.SUPPORTED_VERSION + ".");
        }
        RequestType type = RequestType.TIME_BASED;
        if (json.containsKey("requestType")) {
            Integer code = integer(json, "requestType");
            if (code == null) {
                throw refuse(messageId, SeesError.INVALID_REQUEST, "requestType must be an integer.");
            }
            type = RequestType.of(code)
                    .orElseThrow(() ->
                            refuse(messageId, SeesError.UNKNOWN_REQUEST_TYPE, SeesError.UNKNOWN_REQUEST_TYPE.text()));
        }
        JsonValue contentValue = json.get("contentID");
        if (!(contentValue instanceof JsonString contentString)) {
            throw refuse(messageId, SeesError.INVALID_REQUEST, "contentID is required and must be a string.");
        }
        if (!ContentId.isWellFormed(contentString.getString())) {
            throw refuse(messageId, SeesError.INVALID_REQUEST, "contentID must be " + ContentId.RULE + ".");
        }
        Optional<String> cookie = Optional.empty();
        JsonValue cookieValue = json.get("customerCookie");
        if (cookieValue != null && cookieValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(cookieValue instanceof JsonString cookieString)) {
                throw refuse(messageId, SeesError.INVALID_REQUEST, "customerCookie must be a string.");
            }
            cookie = Optional.of(cookieString.getString());
        }
        Drm drm = Drm.FAIRPLAY;
        JsonValue drmValue = json.get("drm");
        if (drmValue != null && drmValue.getValueType() != JsonValue.ValueType.NULL) {
            if (!(drmValue instanceof JsonString drmString)) {
                throw refuse(messageId, SeesError.INVALID_REQUEST, "drm must be a string: " + Drm.NAMES + ".");
            }
            drm = Drm.ofWire(drmString.getString())
                    .orElseThrow(() -> refuse(messageId, SeesError.INVALID_REQUEST, "drm must be " + Drm.NAMES + "."));
        }
        return new EntitlementRequest(messageId, type, new ContentId(contentString.getString()), cookie, drm);
    }

    /** An integral JSON number that fits an int, or null. */
    private static Integer integer(JsonObject json, String name) {
        if (json.get(name) instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    /** The body, or null when it is longer than {@code limit}; never reads more than one byte past it. */
    private static byte[] readAtMost(InputStream body, int limit) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntitlementRefusedException refuse(String messageId, SeesError error, String text) {
        return new EntitlementRefusedException(error, messageId, text);
    }
}
