package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.platform.FollowsTheRequest;
import dev.tether.platform.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
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
 * ExpressPlay's refusals and a rejected authenticator (401) are neither retried nor counted. The
 * bulkhead bounds the calls that a slow ExpressPlay can hold, sized by the rule in the README
 * ("Sizing"): peak token rate per node × ExpressPlay's p99 latency × 2; 64 calls serve 320 tokens
 * a second at 100 ms with that headroom. Up to 64 more wait for a slot, each no longer than its
 * {@code @Timeout}, which counts the wait. Every number can be tuned through
 * MicroProfile Config ({@code dev.tether.expressplay.ExpressPlayCalls/requestToken/Retry/maxRetries}
 * and so on).
 *
 * <p>The calls are {@code @Asynchronous} so that {@code @Timeout} really ends an attempt: on a
 * synchronous method the timeout can only interrupt a thread, and a thread blocked reading a
 * socket is not interrupted, so each attempt lasted as long as the HTTP read timeout. Now the
 * caller's wait is bounded by the policy (attempts × timeout + delays), whatever ExpressPlay does;
 * an abandoned attempt ends at the HTTP read timeout, configured equal to {@code @Timeout}.
 * Failures are returned as failed stages, the form fault tolerance evaluates. Callers use
 * {@link ExpressPlayGateway}, which waits for the stage and turns fault-tolerance exceptions into
 * Tether's.
 */
@ApplicationScoped
@FollowsTheRequest
public class ExpressPlayCalls {

    static final String ERROR_FORMAT = "json";

    /**
     * Asks for an https token URL. Not in the FairPlay parameter table, but sent by public client
     * code (DOMAIN.md: seen in use); older samples show {@code http://...:80} URLs without it.
     */
    static final String USE_HTTPS = "useHttps";

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
            abortOn = {
                ExpressPlayRefusedException.class,
                ExpressPlayMisbehavedException.class,
                ExpressPlayMisconfiguredException.class
            })
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            skipOn = {ExpressPlayRefusedException.class, ExpressPlayMisconfiguredException.class})
    @Bulkhead(value = 64, waitingTaskQueue = 64)
    @Asynchronous
    public CompletionStage<TokenUrl> requestToken(TokenRequest request) {
        return TokenCalls.settled(() -> token(request));
    }

    private TokenUrl token(TokenRequest request) {
        String body = TokenCalls.attempt(
                stats,
                ExpressPlayStats.Endpoint.TOKEN,
                "token API",
                () -> tokenApi.requestToken(form(parameters(
                        request, TokenCalls.authenticator(customerAuthenticator), deviceIdParameter, Instant.now()))));
        return TokenCalls.tokenUrl(body, Profiles.isDev(profile), "token API");
    }

    @Timeout(5000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            jitter = 100,
            retryOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            abortOn = {
                ExpressPlayRefusedException.class,
                ExpressPlayMisbehavedException.class,
                ExpressPlayMisconfiguredException.class
            })
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.5,
            delay = 10_000,
            successThreshold = 2,
            failOn = {ExpressPlayUnavailableException.class, TimeoutException.class},
            skipOn = {ExpressPlayRefusedException.class, ExpressPlayMisconfiguredException.class})
    @Bulkhead(value = 64, waitingTaskQueue = 64)
    @Asynchronous
    public CompletionStage<CookieRedemptions> deviceOf(Cookie cookie) {
        return TokenCalls.settled(() -> lookUp(cookie));
    }

    private CookieRedemptions lookUp(Cookie cookie) {
        String body = TokenCalls.attempt(
                stats,
                ExpressPlayStats.Endpoint.RECORDS,
                "record retrieval",
                () -> recordApi.byCookie(
                        TokenCalls.authenticator(customerAuthenticator), ERROR_FORMAT, cookie.value()));
        // Which device owns the cookie is decided from the visible window (CookieRedemptions).
        return TransactionRecords.read(body).redemptionsOf(cookie);
    }

    /**
     * The FairPlay token API's parameters for {@code request}, by their documented names (DOMAIN.md;
     * the contract fixtures in src/test/resources/expressplay/contract hold the table), in order.
     */
    static Map<String, String> parameters(
            TokenRequest request, String authenticator, String deviceIdParameter, Instant now) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("customerAuthenticator", authenticator);
        p.put("errorFormat", ERROR_FORMAT);
        p.put(USE_HTTPS, "true");
        p.put("contentKey", request.key().keyHex());
        p.put("iv", request.key().ivHex());
        p.put("expirationTime", relative(request.expiresAt(), now));
        if (!request.rentalDuration().isZero()) {
            p.put("rentalDuration", Long.toString(request.rentalDuration().toSeconds()));
        }
        request.cookie().ifPresent(cookie -> p.put("cookie", cookie.value()));
        request.device().ifPresent(device -> p.put(deviceIdParameter, device.value()));
        return p;
    }

    /**
     * The parameters as an {@code application/x-www-form-urlencoded} body, encoded as the JAX-RS
     * {@code Form} writer encodes them: sent as a string, the call needs none of the client's form
     * provider, which built and encoded a multivalued map per call on the hot path (issue 22).
     */
    static String form(Map<String, String> parameters) {
        StringBuilder body = new StringBuilder(256);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
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
