package dev.tether.expressplay;

import jakarta.ws.rs.ProcessingException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The shape every guarded ExpressPlay call shares, whichever DRM or API it reaches: counted as an
 * attempt, a failed exchange turned into Tether's exceptions, the result handed to fault tolerance
 * as a settled stage. The fault-tolerance annotations stay on each call bean's own method, so that
 * each endpoint keeps its own circuit, bulkhead and configuration keys.
 */
final class TokenCalls {

    private TokenCalls() {}

    /**
     * {@code call}'s result as a completed stage, or its {@link ExpressPlayException} as a failed
     * one, which is what {@code @Asynchronous} fault tolerance retries or counts; any other failure
     * is a defect and propagates.
     */
    static <T> CompletionStage<T> settled(Supplier<T> call) {
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (ExpressPlayException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One attempt at {@code endpoint}: counted, and its exchange's failure mapped ({@link #unreachable}). */
    static String attempt(
            ExpressPlayStats stats, ExpressPlayStats.Endpoint endpoint, String api, Supplier<String> exchange) {
        stats.attempt(endpoint);
        try {
            return exchange.get();
        } catch (ProcessingException e) {
            throw unreachable(api, e);
        }
    }

    /** A token API's plain answer as a token URL, or misbehaviour when it is none Tether may hand out. */
    static TokenUrl tokenUrl(String body, boolean dev, String api) {
        String url = body == null ? "" : body.strip();
        if (!isTokenUrl(url, dev)) {
            throw new ExpressPlayMisbehavedException(
                    "ExpressPlay " + api + " answered something that is not an https URL");
        }
        return new TokenUrl(url);
    }

    /**
     * Whether the token API's answer is a token URL Tether may hand out: https only, but for the
     * development run, whose simulator answers on plain http. A player would send its license
     * request (and the token in it) in the clear over an http URL.
     */
    static boolean isTokenUrl(String url, boolean dev) {
        return url.startsWith("https://") || (dev && url.startsWith("http://"));
    }

    /**
     * A failure of the HTTP exchange itself: an I/O error somewhere in the cause chain (refused or
     * dropped connection, read timeout) is transient; anything else (an unreadable or wrong-typed
     * body) is a misbehaving answer.
     */
    static ExpressPlayUnavailableException unreachable(String api, ProcessingException e) {
        if (ExpressPlayErrorMapper.hasIoCause(e)) {
            return new ExpressPlayUnavailableException("ExpressPlay " + api + " could not be reached", e);
        }
        return new ExpressPlayMisbehavedException("ExpressPlay " + api + " answered something unreadable", e);
    }

    /** The customer authenticator, which the start-up check has already required. */
    static String authenticator(Optional<String> configured) {
        return configured.orElseThrow(
                () -> new IllegalStateException("tether.expressplay.customer-authenticator is not set"));
    }
}
