package dev.tether.security;

import dev.tether.platform.LogFields;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Enumeration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user of the current request, from the verified SSO token. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    /**
     * The token's subject; a token without one, one whose subject breaks the user id rule, or one
     * that did not come in the one Authorization header (a form parameter, which Liberty reads
     * too; a second header) identifies nobody and is refused like a missing token. The id it returns
     * becomes the {@code userId} field of the request's log lines.
     */
    public UserId id() {
        if (!fromTheAuthorizationHeader()) {
            throw new NotAuthorizedException("Bearer");
        }
        String subject = jwt == null ? null : jwt.getSubject();
        if (!UserId.isWellFormed(subject)) {
            throw new NotAuthorizedException("Bearer");
        }
        LogFields.put(LogFields.USER_ID, subject);
        return new UserId(subject);
    }

    private boolean fromTheAuthorizationHeader() {
        Enumeration<String> headers = request.getHeaders("Authorization");
        if (headers == null || !headers.hasMoreElements()) {
            return false;
        }
        headers.nextElement();
        return !headers.hasMoreElements();
    }

    /** The SSO groups of the token; content can require one of them. */
    public Set<String> groups() {
        Set<String> groups = jwt == null ? null : jwt.getGroups();
        return groups == null ? Set.of() : Set.copyOf(groups);
    }
}
