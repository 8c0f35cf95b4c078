package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.platform.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded calls to ExpressPlay, and the only place that knows ExpressPlay's parameter names
 * and the customer authenticator. Transient failures (timeouts, connection errors, 502/503/504)
 * are retried after a jittered delay; misbehaving answers (HTTP 500, unreadable bodies) are not
 * retried; both count against the circuit, one per method, that is per ExpressPlay endpoint.
 * ExpressPlay's error codes are neither retried nor counted. The bulkhead bounds the threads
 * that a slow ExpressPlay can hold. Every number can be tuned through MicroProfile Config
 * ({@code dev.tether.expressplay.ExpressPlayCalls/requestToken/Retry/maxRetries} and so on).
 * Callers use {@link ExpressPlayGateway}, which turns fault-tolerance exceptions into Tether's.
 */
@ApplicationScoped
public class ExpressPlayCalls {

    static final String ERROR_FORMAT = "json";

    @Inject
    @RestClient
    FairPlayTokenApi tokenApi;

    @Inject
    @RestClient
    RecordRetrievalApi recordApi;

    @Inject
    ExpressPlayStats stats;

    // Optional, so that a missing authenticator is reported by the start-up check
    // (dev.tether.startup), which names every missing key, not by the container's injection validation.
    @Inject
    @ConfigProperty(name = "tether.expressplay.customer-authenticator")
    Optional<String> customerAuthenticator;

    @Inject
    @ConfigProperty(name = "tether.expressplay.device-id-parameter", defaultValue = "deviceid")
    String deviceIdParameter;

    @Inject
    @ConfigProperty(name = Profiles.KEY)
    Optional<String> profile;

    @Timeout(3000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            abortOn = {ExpressPlayRefusedException.class, ExpressPlayMisbehavedException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            skipOn = ExpressPlayRefusedException.class)
    @Bulkhead(16)
    public TokenUrl requestToken(TokenRequest request) {
        stats.attempt(ExpressPlayStats.Endpoint.TOKEN);
        Form form = new Form()
                .param("customerAuthenticator", customerAuthenticator())
                .param("errorFormat", ERROR_FORMAT)
                .param("contentKey", request.key().keyHex())
                .param("iv", request.key().ivHex())
                .param("expirationTime", relative(request.expiresAt(), Instant.now()));
        if (!request.rentalDuration().isZero()) {
            form.param("rentalDuration", Long.toString(request.rentalDuration().toSeconds()));
        }
        request.cookie().ifPresent(cookie -> form.param("cookie", cookie.value()));
        request.device().ifPresent(device -> form.param(deviceIdParameter, device.value()));
        String body;
        try {
            body = tokenApi.requestToken(form);
        } catch (ProcessingException e) {
            throw unreachable("token API", e);
        }
        String url = body == null ? "" : body.strip();
        if (!isTokenUrl(url, Profiles.isDev(profile))) {
            throw new ExpressPlayMisbehavedException(
                    "ExpressPlay token API answered something that is not an https URL");
        }
        return new TokenUrl(url);
    }

    @Timeout(5000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            abortOn = {ExpressPlayRefusedException.class, ExpressPlayMisbehavedException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            skipOn = ExpressPlayRefusedException.class)
    @Bulkhead(16)
    public CookieRedemptions deviceOf(Cookie cookie) {
        stats.attempt(ExpressPlayStats.Endpoint.RECORDS);
        String body;
        try {
            body = recordApi.byCookie(customerAuthenticator(), ERROR_FORMAT, cookie.value());
        } catch (ProcessingException e) {
            throw unreachable("record retrieval", e);
        }
        // Which device owns the cookie is decided from the visible window (CookieRedemptions).
        return TransactionRecords.read(body).redemptionsOf(cookie);
    }

    private String customerAuthenticator() {
        return customerAuthenticator.orElseThrow(
                () -> new IllegalStateException("tether.expressplay.customer-authenticator is not set"));
    }

    /**
     * A failure of the HTTP exchange itself: an I/O error somewhere in the cause chain (refused or
     * dropped connection, read timeout) is transient; anything else (an unreadable or wrong-typed
     * body) is a misbehaving answer.
     */
    private static ExpressPlayUnavailableException unreachable(String api, ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new ExpressPlayUnavailableException("ExpressPlay " + api + " could not be reached", e);
            }
        }
        return new ExpressPlayMisbehavedException("ExpressPlay " + api + " answered something unreadable", e);
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
     * ExpressPlay's relative form of {@code expirationTime}, {@code +N} seconds from when ExpressPlay
     * reads it, computed at each attempt: the token then expires when Tether's window closes
     * whatever the skew between Tether's clock and ExpressPlay's, which the absolute RFC 3339 form
     * would carry into a 30-day window (and have refused as too far ahead). At least one second.
     */
    static String relative(Instant expiresAt, Instant now) {
        return "+" + Math.max(1, Duration.between(now, expiresAt).toSeconds());
    }
}
