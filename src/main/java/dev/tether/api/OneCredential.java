package dev.tether.api;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A request carries one credential, in one Authorization header. With two, the server verifies
 * one of them and a proxy, a log or another server may read the other: which user asked would
 * depend on who reads. And a caller the server authenticated without an Authorization header
 * brought the token some other way (Liberty's mpJwt also reads an {@code access_token} form
 * parameter, RFC 6750's form method), where logs, caches and proxies do not expect a secret.
 * Both are refused with 401 before any resource runs.
 */
@Provider
@PreMatching
public class OneCredential implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> authorizations = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        int headers = authorizations == null ? 0 : authorizations.size();
        boolean authenticated = request.getSecurityContext().getUserPrincipal() != null;
        if (headers > 1 || headers == 0 && authenticated) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
