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
 * The first is refused here, before any resource runs; the second where the caller becomes
 * known, {@link AuthenticatedByHeader} (Liberty authenticates only once a resource needs a role,
 * after matching), and in {@code security.CurrentUser}.
 */
@Provider
@PreMatching
public class OneCredential implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> authorizations = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorizations != null && authorizations.size() > 1) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
