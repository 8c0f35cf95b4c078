package dev.tether.operations.telemetry;

import static dev.tether.operations.telemetry.TelemetryNames.AREA;
import static dev.tether.operations.telemetry.TelemetryNames.METHOD;
import static dev.tether.operations.telemetry.TelemetryNames.REQUESTS;
import static dev.tether.operations.telemetry.TelemetryNames.REQUEST_DURATION;
import static dev.tether.operations.telemetry.TelemetryNames.STATUS;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Counts and times every request Tether answers, by method, status and area (the first path
 * segment: {@code sees}, {@code api}, {@code scim}, …), the same on both servers; Open Liberty's
 * own {@code http.server.request.duration} exists only there. The area, not the path: a path
 * carries ids, and an attribute per id would grow without bound.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestMetrics extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Set<String> AREAS = Set.of("sees", "api", "scim", "oidc", "health", "openapi");

    @Inject
    transient Meter meter;

    private transient LongCounter requests;
    private transient DoubleHistogram duration;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        requests = meter.counterBuilder(REQUESTS)
                .setDescription("Requests answered, by method, status and area")
                .setUnit("{request}")
                .build();
        duration = meter.histogramBuilder(REQUEST_DURATION)
                .setDescription("Time to answer a request, by method, status and area")
                .setUnit("s")
                .build();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Attributes attributes = Attributes.of(
                    METHOD, request.getMethod(), STATUS, (long) response.getStatus(), AREA, area(request));
            requests.add(1, attributes);
            duration.record((System.nanoTime() - start) / 1e9, attributes);
        }
    }

    static String area(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        int from = path.startsWith("/") ? 1 : 0;
        int to = path.indexOf('/', from);
        String first = to < 0 ? path.substring(from) : path.substring(from, to);
        return AREAS.contains(first) ? first : "other";
    }
}
