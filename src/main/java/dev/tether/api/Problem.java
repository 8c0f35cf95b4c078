package dev.tether.api;

import dev.tether.platform.RequestIds;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per error so that clients can
 * branch on it; {@code detail} is written for people and never carries an internal exception message.
 * {@code notBefore}, an extension member, says when a refused action becomes possible (absent otherwise);
 * {@code requestId}, another, is the id of the request it answers (the {@code X-Request-Id} header),
 * which its log lines and audit events carry too.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "notBefore", "requestId"})
public record Problem(String type, String title, int status, String detail, Instant notBefore, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tether.dev/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(
                TYPE_BASE + slug,
                title,
                status,
                detail,
                null,
                RequestIds.current().orElse(null));
    }

    public Problem notBefore(Instant when) {
        return new Problem(type, title, status, detail, when, requestId);
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
