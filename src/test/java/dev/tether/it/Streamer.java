package dev.tether.it;

import jakarta.json.JsonArray;
import java.net.http.HttpResponse;

/** The stream API (/api/streams): a player's heartbeat and stop, a user's list, and the admins' view and policies. */
final class Streamer {

    private final Http http;

    Streamer(Http http) {
        this.http = http;
    }

    HttpResponse<String> heartbeat(String bearer, String lease) {
        return http.call("POST", "/api/streams/" + lease + "/heartbeat", bearer, null);
    }

    HttpResponse<String> end(String bearer, String lease) {
        return http.call("DELETE", "/api/streams/" + lease, bearer, null);
    }

    /** The bearer's running streams, which the test expects to read. */
    JsonArray running(String bearer) {
        return Http.expectArray(http.get("/api/streams", bearer));
    }

    HttpResponse<String> policy(String bearer) {
        return http.get("/api/streams/policy", bearer);
    }

    JsonArray runningOf(String admin, String user) {
        return Http.expectArray(http.get("/api/admin/streams/users/" + user, admin));
    }

    HttpResponse<String> endAny(String admin, String user, String lease) {
        return http.call("DELETE", "/api/admin/streams/users/" + user + "/" + lease, admin, null);
    }

    HttpResponse<String> setUserPolicy(String admin, String user, String json) {
        return http.call("PUT", "/api/admin/streams/policies/users/" + user, admin, json);
    }

    HttpResponse<String> setGroupPolicy(String admin, String group, String json) {
        return http.call("PUT", "/api/admin/streams/policies/groups/" + group, admin, json);
    }

    HttpResponse<String> clearGroupPolicy(String admin, String group) {
        return http.call("DELETE", "/api/admin/streams/policies/groups/" + group, admin, null);
    }

    HttpResponse<String> stats(String admin) {
        return http.get("/api/admin/streams/stats", admin);
    }
}
