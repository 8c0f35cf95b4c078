package dev.tether.entitlement;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The SEES paths take POST only, and answer any other method in SEES form (405, error 1001), as
 * they answer every other malformed request: a SEES client reads {@code error}, not the runtime's
 * problem details. Before matching, so that the runtime's own 405 never answers on these paths.
 */
@Provider
@PreMatching
public class SeesMethods implements ContainerRequestFilter {

    private static final Set<String> PATHS = Set.of("sees/entitlement", "sees/SEESServlet");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String method = request.getMethod();
        if (PATHS.contains(relative) && !method.equals(HttpMethod.POST) && !method.equals(HttpMethod.OPTIONS)) {
            request.abortWith(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, "POST, OPTIONS")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(EntitlementResponse.refused(
                            null, SeesError.INVALID_REQUEST, "The SEES endpoint takes POST only."))
                    .build());
        }
    }
}
