package dev.tether.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A caller is authenticated by the Authorization header or not at all: a principal on a request
 * without that header was authenticated from a token elsewhere (a form parameter, which Liberty's
 * mpJwt reads), and is refused with 401 (see {@link OneCredential}). After authentication and
 * role checks, so that the caller is known whichever server authenticates when.
 */
@Provider
@Priority(Priorities.USER)
public class AuthenticatedByHeader implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
