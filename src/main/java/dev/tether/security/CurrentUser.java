package dev.tether.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user of the current request, from the verified SSO token. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    /** The token's subject; a token without one identifies nobody and is refused like a missing token. */
    public UserId id() {
        String subject = jwt == null ? null : jwt.getSubject();
        if (!UserId.isWellFormed(subject)) {
            throw new NotAuthorizedException("Bearer");
        }
        return new UserId(subject);
    }

    /** The SSO groups of the token; content can require one of them. */
    public Set<String> groups() {
        Set<String> groups = jwt == null ? null : jwt.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups);
    }
}
