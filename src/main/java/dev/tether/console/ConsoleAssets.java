package dev.tether.console;

import dev.tether.platform.PublicLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's files, from the WAR: Tether's JAX-RS application is mapped to the context root, so
 * the container's static file handler never sees these paths. Only the listed files are served
 * (nothing is looked up by a name the request chooses), each with a policy that lets the page run
 * its own scripts only and talk to Tether and the IdP's token endpoint only.
 */
@Path("/console")
@RequestScoped
@PermitAll
@Tag(name = "Console", description = "The audit console's own settings")
public class ConsoleAssets {

    /** Apache ECharts from its WebJar (META-INF/resources); the version is pom.xml's echarts.version. */
    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final Map<String, Asset> ASSETS = Map.of(
            "index.html", new Asset("/console/index.html", "text/html; charset=UTF-8"),
            "console.js", new Asset("/console/console.js", "text/javascript; charset=UTF-8"),
            "console.css", new Asset("/console/console.css", "text/css; charset=UTF-8"),
            "echarts.min.js", new Asset(ECHARTS, "text/javascript; charset=UTF-8"));

    record Asset(String resource, String type) {}

    @Context
    ServletContext servlet;

    @Context
    UriInfo uri;

    @Inject
    ConsoleSettings settings;

    @Inject
    PublicLinks links;

    /** The page itself; {@code /console} without the slash is redirected, so relative links resolve. */
    @Operation(summary = "The audit console", description = "The console's page (HTML), for a browser.")
    @GET
    public Response page() {
        if (!uri.getPath().endsWith("/")) {
            // A header, not ResponseBuilder.location: that would resolve the path against the Host.
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, links.to(uri, "console/"))
                    .build();
        }
        return file("index.html");
    }

    /** One of the console's scripts or style sheets. */
    @Operation(summary = "A file of the audit console", description = "Its script, style sheet or chart library.")
    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new NotFoundException();
        }
        InputStream body = servlet.getResourceAsStream(asset.resource());
        if (body == null) {
            throw new NotFoundException();
        }
        String connect = "'self'" + settings.tokenOrigin().map(o -> " " + o).orElse("");
        return Response.ok(body, asset.type())
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " connect-src " + connect
                                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .build();
    }
}
