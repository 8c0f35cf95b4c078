package dev.tether.api;

import dev.tether.platform.Refusal;
import dev.tether.platform.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place where a domain refusal of Tether's own API becomes HTTP: its kind picks the
 * status, its slug the problem's {@code type}. A refusal that no use case recorded (one thrown
 * before its decision was opened) is recorded here, so that each leaves one audit event. (SEES refusals have a mapper of their own, as the
 * SEES contract answers in its own form.)
 */
@Provider
public class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    private final AuditedRefusals edge = new AuditedRefusals(() -> security, () -> http);

    @Override
    public Response toResponse(RefusedException refused) {
        Refusal reason = refused.reason();
        Problem problem = switch (reason.kind()) {
            case INVALID -> Problem.of(reason.slug(), "Bad request", 400, refused.detail());
            case FORBIDDEN -> Problem.of(reason.slug(), "Forbidden", 403, refused.detail());
            case NOT_FOUND -> Problem.of(reason.slug(), "Not found", 404, refused.detail());
            case CONFLICT -> Problem.of(reason.slug(), "Conflict", 409, refused.detail());
            case TOO_LARGE -> Problem.of(reason.slug(), "Content too large", 413, refused.detail());
            case UNSUPPORTED -> Problem.of(reason.slug(), "Unsupported media type", 415, refused.detail());
        };
        Response answer =
                refused.notBefore().map(problem::notBefore).orElse(problem).toResponse();
        return refused.isRecorded() ? answer : edge.audited(answer, reason.name());
    }
}
