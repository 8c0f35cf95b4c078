package dev.simulator.expressplay;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.List;

/**
 * Counts every call to a simulated ExpressPlay endpoint, and how many run at once, and applies
 * the faults that hit it.
 */
@Provider
@InjectsFaults(SimulatedEndpoint.TOKEN)
@Priority(Priorities.USER)
public class FaultInjectionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final int PARTIAL_BODY_BYTES = 256 * 1024;

    @Inject
    FaultInjector injector;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        InjectsFaults marker = resource.getResourceClass().getAnnotation(InjectsFaults.class);
        if (marker == null) {
            return;
        }
        List<FaultRequest> hits = injector.onCall(marker.value());
        for (FaultRequest fault : hits) {
            if (fault.kind() == FaultKind.LATENCY) {
                sleep(fault.latencyMs() == null ? 1000 : fault.latencyMs());
            } else {
                request.abortWith(failure(fault, marker.value()));
                return;
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        InjectsFaults marker = resource.getResourceClass() == null
                ? null
                : resource.getResourceClass().getAnnotation(InjectsFaults.class);
        if (marker != null) {
            injector.finished(marker.value());
        }
    }

    private static Response failure(FaultRequest fault, SimulatedEndpoint endpoint) {
        return switch (fault.kind()) {
            case HTTP_STATUS ->
                Response.status(fault.status() == null ? 503 : fault.status())
                        .type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("simulated failure")
                        .build();
            case ERROR_CODE -> {
                int code = fault.errorCode() == null ? ErrorCodes.OUT_OF_TOKENS : fault.errorCode();
                yield SimulatorErrors.refuse(code, ErrorCodes.message(code), true);
            }
            case MALFORMED_BODY ->
                switch (endpoint) {
                    case TOKEN, WIDEVINE_TOKEN ->
                        Response.ok("%%not-a-token-url", "text/uri-list").build();
                    case PLAYREADY_TOKEN ->
                        Response.ok("{\"licenseAcquisitionUrl\": ", MediaType.APPLICATION_JSON_TYPE)
                                .build();
                    case RECORDS ->
                        Response.ok("[{\"eventId\": \"1\", \"cookie\": ", MediaType.APPLICATION_JSON_TYPE)
                                .build();
                    case RIGHTS, DRM_LICENSE ->
                        Response.ok(new byte[] {0x00, 0x01}, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                                .build();
                };
            case WRONG_CONTENT_TYPE ->
                Response.ok("<html><body>Maintenance</body></html>", MediaType.TEXT_HTML_TYPE)
                        .build();
            case DISCONNECT ->
                Response.ok(disconnecting(), fault.contentType() == null ? answers(endpoint) : fault.contentType())
                        .header("Content-Length", Integer.toString(2 * PARTIAL_BODY_BYTES))
                        .build();
            case LATENCY, HOLD_BACK -> throw new IllegalStateException(fault.kind() + " is not a failure");
        };
    }

    /** The content type an endpoint answers with when it succeeds. */
    private static String answers(SimulatedEndpoint endpoint) {
        return switch (endpoint) {
            case TOKEN, WIDEVINE_TOKEN -> "text/uri-list";
            case RECORDS, PLAYREADY_TOKEN -> MediaType.APPLICATION_JSON;
            case RIGHTS, DRM_LICENSE -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }

    /**
     * Promises a body, sends half of it, then breaks off, as a dropped connection does. The half
     * is larger than the server's response buffer, so the answer is already on the wire and the
     * server can only close the connection.
     */
    private static StreamingOutput disconnecting() {
        return out -> {
            out.write(new byte[PARTIAL_BODY_BYTES]);
            out.flush();
            throw new IOException("simulated connection loss");
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
