package dev.tether.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of the HTTP request a thread is serving, so that its log lines, its problems and its
 * audit events can be found together. It is the W3C trace id of the request's {@code traceparent}
 * when the caller sent a valid one (so Tether's id is the one the caller's tracing already knows),
 * otherwise 32 random hex digits of the same shape. It is bound to the thread that serves the
 * request (the servlet filter in the api package binds and unbinds it); work handed to another
 * thread does not see it.
 */
public final class RequestIds {

    /** The response header that carries it, and the name of the problem member. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The id of the request this thread serves, if it serves one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The trace id of a W3C {@code traceparent} header (version 00, or a later one read as 00
     * reads it), or empty when it is absent or not valid: an invalid one is ignored, as the W3C
     * recommendation says, and a new id is generated.
     */
    public static Optional<String> fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()
                || "ff".equals(m.group(1))
                || ("00".equals(m.group(1)) && m.group(5) != null)
                || INVALID_TRACE_ID.equals(m.group(2))
                || "0".repeat(16).equals(m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    /** The request's id: the traceparent's trace id, or a new one. */
    public static String forRequest(String traceparent) {
        return fromTraceparent(traceparent).orElseGet(RequestIds::generate);
    }

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Binds {@code id} to this thread until the returned scope is closed (which restores the previous one). */
    public static Scope bind(String id) {
        String previous = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The binding of an id to a thread; closing it cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
