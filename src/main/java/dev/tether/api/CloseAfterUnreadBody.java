package dev.tether.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A body refused unread (too large, 413; compressed, 415) ends its connection: the rest of the
 * body is still on the way, and a server that keeps the connection reads it as the next request.
 * WildFly's Undertow did: the request after a 413 on the same connection got an empty 400. With
 * {@code Connection: close} (RFC 9112, section 9.6) the client sends its next request on a new
 * connection.
 */
@Provider
public class CloseAfterUnreadBody implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if ((status == 413 || status == 415) && hasBody) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
