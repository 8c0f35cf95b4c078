package dev.tether.api;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a request body that is not JSON, or not of the expected shape, with a 400 problem. The
 * parser's message is not echoed: it may quote the body. Liberty's JAX-RS throws the JSON-B
 * exception itself; WildFly's wraps it (see {@link ProcessingExceptionMapper}).
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    private final AuditedRefusals edge = new AuditedRefusals(() -> security, () -> http);

    @Override
    public Response toResponse(JsonbException exception) {
        return edge.audited(unreadable(), "UNREADABLE_BODY");
    }

    static Response unreadable() {
        return Problem.of("unreadable-body", "Bad request", 400, "The request body is not JSON of the expected shape.")
                .toResponse();
    }
}
