package dev.tether.identity;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
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
 * on both servers. Filters are not CDI beans, hence the programmatic lookup, made once: on WildFly
 * {@code CDI.current()} walks the caller's stack to find its bean manager each time it is asked.
 */
@Provider
@Priority(Priorities.USER + 10)
public class LoggedOutTokens implements ContainerRequestFilter {

    /** The application-scoped bean's client proxy, looked up on the first request. */
    private volatile LoggedOutSessions sessions;

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
        boolean loggedOut = sessions().covers(token.getIssuer(), sid, token.getSubject(), issuedAt, Instant.now());
        if (loggedOut) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    private LoggedOutSessions sessions() {
        LoggedOutSessions found = sessions;
        if (found == null) {
            found = CDI.current().select(LoggedOutSessions.class).get();
            sessions = found;
        }
        return found;
    }

    /** A string claim, which some verifiers hand over as a JSON string value with its quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
