package dev.tether.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * A player and its app: SEES entitlement requests to Tether, and at the simulator the device lab's
 * SPCs and the redemption of token URLs. Every call takes the subscriber's bearer token, so that a
 * test can send another user's, another role's or none.
 */
final class Player {

    static final String REGISTRATION_CONTENT = "tether-registration";
    static final String SEES = "/sees/entitlement";
    /** The servlet path of Adobe's reference server, which Tether answers too. */
    static final String SEES_SERVLET = "/sees/SEESServlet";

    private final Http http;

    Player(Http http) {
        this.http = http;
    }

    static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    /** A device id no other test uses: 40 hex digits. */
    static String newDevice() {
        return (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 40);
    }

    static JsonObjectBuilder request(int requestType, String contentId) {
        return Json.createObjectBuilder()
                .add("messageID", newMessageId())
                .add("version", 1)
                .add("requestType", requestType)
                .add("contentID", contentId);
    }

    static JsonObjectBuilder request(int requestType, String contentId, String cookie) {
        return request(requestType, contentId).add("customerCookie", cookie);
    }

    HttpResponse<String> sees(String bearer, String body) {
        return sees(bearer, body, "application/json");
    }

    HttpResponse<String> sees(String bearer, String body, String contentType) {
        return seesAt(SEES, bearer == null ? null : "Bearer " + bearer, body, contentType);
    }

    /** A SEES call with any Authorization header, or none for null: for tests of the JWT layer. */
    HttpResponse<String> seesAuthorized(String authorization, String body) {
        return seesAt(SEES, authorization, body, "application/json");
    }

    /** A SEES call at {@code path}, one of the endpoint's paths; no Content-Type for a null {@code contentType}. */
    HttpResponse<String> seesAt(String path, String authorization, String body, String contentType) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(http.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    /** A SEES call that the test expects an answer in SEES form to. */
    JsonObject entitlement(String bearer, JsonObjectBuilder body) {
        HttpResponse<String> response = sees(bearer, body.build().toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SEES answered " + response.statusCode() + ": " + response.body());
        }
        return Http.json(response.body());
    }

    /** The SPC a simulated device sends for an asset. */
    byte[] spc(String deviceId, String assetId) {
        HttpResponse<byte[]> response = http.sendBytes(
                HttpRequest.newBuilder(http.uri("/simulator/devices/" + deviceId + "/spc?assetId=" + Http.enc(assetId)))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("device lab answered " + response.statusCode());
        }
        return response.body();
    }

    /** A player redeeming a token URL with its SPC. */
    HttpResponse<byte[]> redeem(String tokenUrl, byte[] spc) {
        return http.postBytes(tokenUrl, spc);
    }

    /**
     * Registers {@code device} for the bearer's user as a player would: registration (requestType
     * 2), then the device redeems the registration token with its SPC. Returns the cookie.
     */
    String registerDevice(String bearer, String device) {
        JsonObject registration = entitlement(bearer, request(2, "demo-movie"));
        if (!registration.getBoolean("isAllowed")) {
            throw new IllegalStateException("registration refused: " + registration);
        }
        HttpResponse<byte[]> redeemed = redeem(registration.getString("epTokenURL"), spc(device, REGISTRATION_CONTENT));
        if (redeemed.statusCode() != 200) {
            throw new IllegalStateException("registration token not redeemed: " + redeemed.statusCode());
        }
        return registration.getString("customerCookie");
    }

    /** Registers {@code device} and gets one device-bound token for demo-movie, which binds it. Returns the cookie. */
    String bindDevice(String bearer, String device) {
        String cookie = registerDevice(bearer, device);
        JsonObject bound = entitlement(bearer, request(3, "demo-movie", cookie));
        if (!bound.getBoolean("isAllowed")) {
            throw new IllegalStateException("device-bound token refused: " + bound);
        }
        return cookie;
    }

    /** The claims of a simulated CKC (an HMAC-signed JWS). */
    static JsonObject ckcClaims(byte[] ckc) {
        String[] parts = new String(ckc, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("not a simulated CKC");
        }
        return Http.json(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** What a simulated CKC says of its key: the first 64 bits of the SHA-256 of the key's hex, as the simulator computes it. */
    static String keyRef(String keyHex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(keyHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
