package dev.tether.api;

import dev.tether.platform.LogFields;
import dev.tether.platform.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Gives every request its id ({@link RequestIds}) before anything of Tether runs, returns it in
 * the {@code X-Request-Id} header of every answer (the container's error answers too), and binds
 * it to the serving thread for the problems, audit events and log lines the request causes (and to
 * the lines' structured fields, {@link LogFields}, which it clears when the request ends). The
 * error dispatch keeps the id of the request that failed.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR},
        asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute that carries the id from the request into its error dispatch. */
    static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known
                ? known
                : RequestIds.forRequest(request.getHeader("traceparent"));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        // The fields are bound, not added: a pooled thread starts each request with none of another's.
        try (RequestIds.Scope bound = RequestIds.bind(id);
                LogFields.Scope fields = LogFields.bind(Map.of(LogFields.REQUEST_ID, id))) {
            chain.doFilter(request, response);
        }
    }
}
