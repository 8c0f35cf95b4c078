package dev.tether.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An auditor reading the trail (/api/audit): searches and their pages, per-user and per-device
 * views, the summary, the CSV export; and how tests name the events they expect.
 */
final class Auditor {

    private final Http http;

    Auditor(Http http) {
        this.http = http;
    }

    /** A search with {@code query} (filters, limit, cursor), whatever the answer. */
    HttpResponse<String> search(String bearer, String query) {
        return http.get("/api/audit/events?" + query, bearer);
    }

    /** The page a search's Link header points to: relative to the search, as Tether gives it out by default. */
    HttpResponse<String> page(String bearer, String link) {
        return http.get(http.uri("/api/audit/events").resolve(link), bearer);
    }

    /** A user's latest audit events, newest first. */
    JsonArray events(String bearer, String user) {
        return events(bearer, user, 50);
    }

    JsonArray events(String bearer, String user, int limit) {
        return Http.expectArray(search(bearer, "user=" + Http.enc(user) + "&limit=" + limit));
    }

    HttpResponse<String> userDevices(String bearer, String user) {
        return http.get("/api/audit/users/" + Http.enc(user) + "/devices", bearer);
    }

    HttpResponse<String> deviceUsers(String bearer, String device) {
        return http.get("/api/audit/devices/" + device + "/users", bearer);
    }

    HttpResponse<String> summary(String bearer, String query) {
        return http.get("/api/audit/summary?" + query, bearer);
    }

    /** The CSV export of a search, as bytes: the test decodes it as the standard says. */
    HttpResponse<byte[]> export(String bearer, String query) {
        return http.sendBytes(
                http.request("/api/audit/export?" + query, bearer).GET().build());
    }

    /** Each event as type/outcome. */
    static List<String> kinds(List<? extends JsonValue> events) {
        return events.stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("type") + "/" + e.getString("outcome"))
                .toList();
    }

    /** Each event as type/outcome/reasonCode, the reason empty where none is recorded. */
    static List<String> withReasons(List<? extends JsonValue> events) {
        return events.stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("type") + "/" + e.getString("outcome") + "/" + e.getString("reasonCode", ""))
                .toList();
    }

    /** The audit trail's fingerprint of a token URL: the first 128 bits of its SHA-256. */
    static String fingerprint(String tokenUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
