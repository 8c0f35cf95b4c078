package dev.tether.api;

import dev.tether.audit.RequestRefusals;
import dev.tether.entitlement.EntitlementResponse;
import dev.tether.entitlement.SeesError;
import dev.tether.platform.LookedUpOnce;
import dev.tether.security.UserId;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Rate limits on SEES and on the self-service API, devices and streams ({@link RateLimits}): over the limit, 429 with
 * {@code Retry-After}, in SEES form (error {@link SeesError#TOO_MANY_REQUESTS}) on SEES and as a
 * problem elsewhere. It runs before roles are checked, so that requests without a valid user are
 * counted too, by client address. The first refusal of a key's window leaves one audit event; the
 * others of that window leave none, so that a flood cannot flood the trail.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RateLimitFilter implements ContainerRequestFilter {

    static final String PROBLEM_SLUG = "rate-limited";

    private static final String[] SELF_SERVICE = {"api/devices", "api/streams"};

    @Context
    HttpServletRequest http;

    private final LookedUpOnce<RateLimits> rateLimits = new LookedUpOnce<>(RateLimits.class);

    private final LookedUpOnce<RequestRefusals> refusals = new LookedUpOnce<>(RequestRefusals.class);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        boolean sees = relative.startsWith("sees/");
        if (!sees && !isSelfService(relative)) {
            return;
        }
        RateLimits limits = rateLimits.get();
        if (!limits.enabled()) {
            return;
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        Optional<UserId> user = principal != null && UserId.isWellFormed(principal.getName())
                ? Optional.of(new UserId(principal.getName()))
                : Optional.empty();
        RateLimits.Scope scope = user.isEmpty()
                ? RateLimits.Scope.ANONYMOUS
                : sees ? RateLimits.Scope.SEES : RateLimits.Scope.SELF_SERVICE;
        String address = http.getRemoteAddr();
        String key = user.map(UserId::value).orElse(address);
        Optional<TokenBuckets.Refusal> refusal = limits.take(scope, key);
        if (refusal.isEmpty()) {
            return;
        }
        int perMinute = limits.perMinute(scope);
        if (refusal.get().firstOfWindow()) {
            refusals.get()
                    .rateLimited(user, scope.name(), perMinute, request.getMethod(), http.getRequestURI(), address);
        }
        request.abortWith(answer(sees, perMinute, refusal.get().retryAfterSeconds()));
    }

    /** The subscriber's own API: their devices and their streams (heartbeats included). */
    private static boolean isSelfService(String relative) {
        for (String root : SELF_SERVICE) {
            if (relative.equals(root) || relative.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(boolean sees, int perMinute, long retryAfterSeconds) {
        String text = "More than " + perMinute + " requests a minute; try again in " + retryAfterSeconds + " s.";
        Response.ResponseBuilder answer = sees
                ? Response.status(429)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(EntitlementResponse.refused(null, SeesError.TOO_MANY_REQUESTS, text))
                : Response.fromResponse(
                        Problem.of(PROBLEM_SLUG, "Too many requests", 429, text).toResponse());
        return answer.header("Retry-After", Long.toString(retryAfterSeconds)).build();
    }
}
