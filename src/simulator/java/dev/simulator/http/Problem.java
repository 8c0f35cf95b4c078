package dev.simulator.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details answer for the simulator's own endpoints (device lab, faults, SSO).
 * ExpressPlay's simulated APIs answer with ExpressPlay's error codes instead.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://simulator.tether.dev/problems/";

    private Problem() {}

    public static Response response(int status, String slug, String title, String detail) {
        var body = Jsonp.provider()
                .createObjectBuilder()
                .add("type", TYPE_BASE + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(body.build().toString())
                .build();
    }
}
