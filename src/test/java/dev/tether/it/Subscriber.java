package dev.tether.it;

import jakarta.json.JsonArray;
import java.net.http.HttpResponse;

/** A subscriber managing their own devices (/api/devices): list, rename, remove. */
final class Subscriber {

    private final Http http;

    Subscriber(Http http) {
        this.http = http;
    }

    HttpResponse<String> listDevices(String bearer) {
        return http.get("/api/devices", bearer);
    }

    /** The bearer's devices, which the test expects to read. */
    JsonArray devices(String bearer) {
        return Http.expectArray(listDevices(bearer));
    }

    HttpResponse<String> renameDevice(String bearer, long id, String json) {
        return http.call("PATCH", "/api/devices/" + id, bearer, json);
    }

    HttpResponse<String> removeDevice(String bearer, long id) {
        return http.call("DELETE", "/api/devices/" + id, bearer, null);
    }
}
