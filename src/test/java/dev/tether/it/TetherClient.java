package dev.tether.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Speaks to a deployed Tether over HTTP as its clients do: the SSO, a subscriber, a player, an auditor. */
final class TetherClient {

    static final String REGISTRATION_CONTENT = "tether-registration";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String origin;

    TetherClient(java.net.URL deploymentUrl) {
        String url = deploymentUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.origin = simulatorOrigin(deploymentUrl);
    }

    /**
     * Where the simulator and the development SSO answer: their own WAR, at /simulator on the
     * server that serves Tether, as in the development run.
     */
    static String simulatorOrigin(java.net.URL deploymentUrl) {
        return deploymentUrl.getProtocol() + "://" + deploymentUrl.getAuthority();
    }

    /** A bearer token from the development SSO. */
    String token(String user, String groups) {
        return token(user, groups, "");
    }

    /** A bearer token from the development SSO, with extra form fields (issuer, audience, expiresIn). */
    String token(String user, String groups, String extraForm) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/simulator/sso/token"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + enc(user) + "&groups=" + enc(groups) + extraForm))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SSO answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    static String newMessageId() {
        return UUID.randomUUID().toString();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sees/entitlement"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** A SEES call that the test expects an answer in SEES form to. */
    JsonObject entitlement(String bearer, JsonObjectBuilder body) {
        HttpResponse<String> response = sees(bearer, body.build().toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SEES answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** The SPC a simulated device sends for an asset. */
    byte[] spc(String deviceId, String assetId) {
        HttpResponse<byte[]> response = sendBytes(HttpRequest.newBuilder(
                uri("/simulator/devices/" + deviceId + "/spc?assetId=" + enc(assetId)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("device lab answered " + response.statusCode());
        }
        return response.body();
    }

    /** A player redeeming a token URL with its SPC. */
    HttpResponse<byte[]> redeem(String tokenUrl, byte[] spc) {
        return sendBytes(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(spc)).build());
    }

    /** The claims of a simulated CKC (an HMAC-signed JWS). */
    static JsonObject ckcClaims(byte[] ckc) {
        String[] parts = new String(ckc, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("not a simulated CKC");
        }
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** A user's latest audit events, newest first, read with an auditor's token. */
    JsonArray audit(String auditorToken, String user) {
        return audit(auditorToken, user, 50);
    }

    JsonArray audit(String auditorToken, String user, int limit) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/audit/events?user=" + enc(user) + "&limit=" + limit))
                .header("Authorization", "Bearer " + auditorToken).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("audit answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /**
     * Binds a new device to the user of {@code subscriberToken} as a player would: registration,
     * redemption of the registration token with the device's SPC, one device-bound token for
     * demo-movie. Returns the cookie.
     */
    String bindDevice(String subscriberToken, String deviceId) {
        JsonObject registration = entitlement(subscriberToken, request(2, "demo-movie"));
        if (!registration.getBoolean("isAllowed")) {
            throw new IllegalStateException("registration refused: " + registration);
        }
        String cookie = registration.getString("customerCookie");
        HttpResponse<byte[]> redeemed = redeem(registration.getString("epTokenURL"), spc(deviceId, REGISTRATION_CONTENT));
        if (redeemed.statusCode() != 200) {
            throw new IllegalStateException("registration token not redeemed: " + redeemed.statusCode());
        }
        JsonObject bound = entitlement(subscriberToken, request(3, "demo-movie", cookie));
        if (!bound.getBoolean("isAllowed")) {
            throw new IllegalStateException("device-bound token refused: " + bound);
        }
        return cookie;
    }

    /** A device id no other test uses: 40 hex digits. */
    static String newDeviceId() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

    /** A call to Tether's own API with an optional JSON body. */
    HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** A call the test expects {@code status} of; returns the JSON body (an empty object for none). */
    JsonObject expect(int status, String method, String path, String bearer, String json) {
        HttpResponse<String> response = call(method, path, bearer, json);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + path + ": expected " + status + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body().isBlank() || !response.body().startsWith("{") ? Json.createObjectBuilder().build()
                : json(response.body());
    }

    /** A JSON array answer of Tether's API. */
    JsonArray list(String path, String bearer) {
        HttpResponse<String> response = call("GET", path, bearer, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Registers {@code device} for the bearer's user (requestType 2, then the device redeems) and returns the cookie. */
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

    /** A random simulated device id: 40 hex digits. */
    static String newDevice() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

    /** What a simulated CKC says of its key: the first 64 bits of the SHA-256 of the key's hex, as the simulator computes it. */
    static String keyRef(String keyHex) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(keyHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** Injects a fault into the simulated ExpressPlay (needs an admin token). */
    void injectFault(String adminToken, JsonObjectBuilder fault) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/simulator/faults"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fault.build().toString())).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("fault injection answered " + response.statusCode() + ": " + response.body());
        }
    }

    void resetFaults(String adminToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/simulator/faults"))
                .header("Authorization", "Bearer " + adminToken).DELETE().build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("fault reset answered " + response.statusCode());
        }
    }

    /** How many calls the simulated ExpressPlay endpoint (TOKEN, RECORDS, RIGHTS) has received. */
    long calls(String adminToken, String endpoint) {
        HttpResponse<String> response = get("/simulator/faults", adminToken);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("fault state answered " + response.statusCode());
        }
        return json(response.body()).getJsonObject("calls").getJsonNumber(endpoint).longValue();
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Tether's paths are under its context root; /simulator/... is the simulator WAR's own. */
    private URI uri(String path) {
        return URI.create((path.startsWith("/simulator/") ? origin : base) + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
