package dev.tether.identity;

import dev.tether.platform.LookedUpOnce;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, with 401 like any invalid token, a bearer token whose session the IdP logged out
 * through back-channel logout, on whichever instance it arrives. After authentication and role
 * checks (Liberty authenticates only once a resource needs a role), so that the token is known
 * on both servers. Filters are not CDI beans, hence the programmatic lookup, made once.
 */
@Provider
@Priority(Priorities.USER + 10)
public class LoggedOutTokens implements ContainerRequestFilter {

    private final LookedUpOnce<LoggedOutSessions> sessions = new LookedUpOnce<>(LoggedOutSessions.class);

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token) || token.getIssuer() == null || token.getSubject() == null) {
            return;
        }
        // Asked only when present: Liberty looks a claim name up among the standard claims first and
        // throws (and catches) an exception for "sid", once per request (issue 22's exception profile).
        Optional<String> sid =
                token.getClaimNames() != null && token.getClaimNames().contains("sid")
                        ? token.claim("sid").map(Object::toString).map(LoggedOutTokens::unquoted)
                        : Optional.empty();
        Instant issuedAt = Instant.ofEpochSecond(token.getIssuedAtTime());
        boolean loggedOut = sessions.get().covers(token.getIssuer(), sid, token.getSubject(), issuedAt, Instant.now());
        if (loggedOut) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    /** A string claim, which some verifiers hand over as a JSON string value with its quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
