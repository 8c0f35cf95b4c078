package dev.tether.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An admin: the content catalog (/api/admin/content), a user's devices, limit and two-person
 * resets (/api/admin/users, /api/admin/device-resets), and the ExpressPlay client's statistics.
 * Each call answers whatever Tether answered; {@link Http#expect} states the status a test expects.
 */
final class Admin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Http http;

    Admin(Http http) {
        this.http = http;
    }

    /** A content key or IV: 16 random bytes in hex. */
    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A new title's body, with a fresh IV; {@code group} null for none. */
    static JsonObjectBuilder title(String id, String key, long window, long rental, String group, boolean binding) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("contentId", id)
                .add("key", key)
                .add("iv", newKey())
                .add("tokenLifetimeSeconds", window)
                .add("rentalDurationSeconds", rental)
                .add("deviceBindingRequired", binding);
        if (group != null) {
            body.add("requiredGroup", group);
        }
        return body;
    }

    HttpResponse<String> addContent(String bearer, String json) {
        return http.call("POST", "/api/admin/content", bearer, json);
    }

    HttpResponse<String> listContent(String bearer) {
        return http.get("/api/admin/content", bearer);
    }

    /** Every title, which the test expects to read. */
    JsonArray catalog(String bearer) {
        return Http.expectArray(listContent(bearer));
    }

    HttpResponse<String> content(String bearer, String id) {
        return http.get("/api/admin/content/" + id, bearer);
    }

    HttpResponse<String> updateContent(String bearer, String id, String json) {
        return http.call("PUT", "/api/admin/content/" + id, bearer, json);
    }

    HttpResponse<String> retireContent(String bearer, String id) {
        return http.call("DELETE", "/api/admin/content/" + id, bearer, null);
    }

    HttpResponse<String> rewrap(String bearer) {
        return http.call("POST", "/api/admin/content/rewrap", bearer, null);
    }

    HttpResponse<String> listDevicesOf(String bearer, String user) {
        return http.get("/api/admin/users/" + user + "/devices", bearer);
    }

    /** A user's devices, which the test expects to read. */
    JsonArray devicesOf(String bearer, String user) {
        return Http.expectArray(listDevicesOf(bearer, user));
    }

    HttpResponse<String> revoke(String bearer, String user, long device, String json) {
        return http.call("POST", "/api/admin/users/" + user + "/devices/" + device + "/revoke", bearer, json);
    }

    HttpResponse<String> restore(String bearer, String user, long device, String json) {
        return http.call("POST", "/api/admin/users/" + user + "/devices/" + device + "/restore", bearer, json);
    }

    HttpResponse<String> deviceLimit(String bearer, String user) {
        return http.get("/api/admin/users/" + user + "/device-limit", bearer);
    }

    HttpResponse<String> setDeviceLimit(String bearer, String user, String json) {
        return http.call("PUT", "/api/admin/users/" + user + "/device-limit", bearer, json);
    }

    HttpResponse<String> requestReset(String bearer, String user, String json) {
        return http.call("POST", "/api/admin/users/" + user + "/device-resets", bearer, json);
    }

    HttpResponse<String> reset(String bearer, long id) {
        return http.get("/api/admin/device-resets/" + id, bearer);
    }

    /** Approves or rejects ({@code decision}) a reset request. */
    HttpResponse<String> decideReset(String bearer, long id, String decision, String json) {
        return http.call("POST", "/api/admin/device-resets/" + id + "/" + decision, bearer, json);
    }

    /** What Tether's ExpressPlay client counted: outcomes per endpoint, the circuit's last rejection. */
    HttpResponse<String> expressPlayStats(String bearer) {
        return http.get("/api/expressplay/stats", bearer);
    }
}
