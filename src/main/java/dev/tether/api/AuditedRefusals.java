package dev.tether.api;

import dev.tether.audit.RequestRefusals;
import dev.tether.security.UserId;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.function.Supplier;

/**
 * The mappers' one way to leave the audit event of a refusal that no use case recorded: the
 * caller's refused request, when there is a caller. An anonymous request names nobody to record
 * (and is 401 wherever a role is needed); authentication and role refusals are the container's,
 * answered before Tether's code runs on one server and not on the other, so they are not recorded
 * either, on both. Mappers are not CDI beans, hence the programmatic lookup.
 */
final class AuditedRefusals {

    private final Supplier<SecurityContext> security;
    private final Supplier<HttpServletRequest> http;

    AuditedRefusals(Supplier<SecurityContext> security, Supplier<HttpServletRequest> http) {
        this.security = security;
        this.http = http;
    }

    /** {@code answer}, once the refusal it answers is recorded under {@code reasonCode}. */
    Response audited(Response answer, String reasonCode) {
        int status = answer.getStatus();
        Principal principal = security.get().getUserPrincipal();
        if (principal == null
                || !UserId.isWellFormed(principal.getName())
                || status == 401
                || status == 403
                || status < 400
                || status >= 500) {
            return answer;
        }
        HttpServletRequest request = http.get();
        try {
            CDI.current()
                    .select(RequestRefusals.class)
                    .get()
                    .record(
                            new UserId(principal.getName()),
                            reasonCode,
                            status,
                            request.getMethod(),
                            request.getRequestURI(),
                            request.getRemoteAddr());
        } catch (RuntimeException e) {
            // A refusal whose event cannot be written must not be answered as if it were.
            return UnexpectedExceptionMapper.incident(e);
        }
        return answer;
    }

    /** The reason code of a refusal known only by its problem slug: the slug as a constant name. */
    static String reasonOf(String slug) {
        return slug.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
