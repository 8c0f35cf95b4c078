package dev.simulator.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The simulator takes no compressed request body on any endpoint: a body sent with a
 * {@code Content-Encoding} other than {@code identity} is refused unread (415), so that no small
 * request inflates into a large one in its memory. Players send SPCs, the SSO a form and fault
 * injection small JSON, none of them compressed.
 */
@Provider
@PreMatching
public class UncompressedBodies implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ProblemException(
                    415,
                    "compressed-body",
                    "Unsupported media type",
                    "A compressed request body (Content-Encoding) is not accepted.");
        }
    }
}
