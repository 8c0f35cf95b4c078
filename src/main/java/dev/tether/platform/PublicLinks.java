package dev.tether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every URL Tether hands out (a {@code Location}, a {@code Link}, a SCIM {@code meta.location}):
 * under {@code tether.api.public-base-url} when it is set, else an absolute path with no scheme or
 * host. Never from the request's {@code Host}, {@code X-Forwarded-*} or {@code Forwarded}: a client
 * chooses those, and a URL built from them sends the next request, bearer token included, wherever
 * it says. A caller sets the result as a header value, not through {@code ResponseBuilder.location},
 * which would resolve a path against the request's base URI, that is its {@code Host}.
 */
@ApplicationScoped
public class PublicLinks {

    /** Tether's public address with its context root, e.g. {@code https://drm.example.com/tether}. */
    @Inject
    @ConfigProperty(name = "tether.api.public-base-url")
    Optional<String> publicBaseUrl;

    /**
     * The URL of {@code path} (raw, relative to Tether's context root, with or without a leading
     * slash) as clients reach it; the context root of a request comes from the deployment, not from
     * a header.
     */
    public String to(UriInfo request, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String base = publicBaseUrl.orElse(request.getBaseUri().getRawPath());
        return (base.endsWith("/") ? base : base + "/") + relative;
    }
}
