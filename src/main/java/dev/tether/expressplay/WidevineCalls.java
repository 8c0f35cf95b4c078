package dev.tether.expressplay;

import dev.tether.content.Drm;
import dev.tether.content.DrmRights;
import dev.tether.platform.FollowsTheRequest;
import dev.tether.platform.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
 * The guarded calls to ExpressPlay's Widevine token API, with a policy of their own that reads
 * like FairPlay's ({@link ExpressPlayCalls}): its own circuit and bulkhead, so that a Widevine
 * outage opens no FairPlay circuit and fills no FairPlay slot. Tunable as
 * {@code dev.tether.expressplay.WidevineCalls/requestToken/Retry/maxRetries} and so on. Widevine
 * tokens cannot be device-bound (-7002): no device restriction is ever sent.
 */
@ApplicationScoped
@FollowsTheRequest
public class WidevineCalls {

    static final String URL_KEY = "expressplay-widevine-token/mp-rest/url";
    private static final String API = "Widevine token API";

    // An Instance, so that a deployment without a Widevine URL still serves FairPlay: the client is
    // made only when asked for, after the URL was checked.
    @Inject
    @RestClient
    Instance<WidevineTokenApi> tokenApi;

    @Inject
    @ConfigProperty(name = URL_KEY)
    Optional<String> url;

    @Inject
    ExpressPlayStats stats;

    @Inject
    @ConfigProperty(name = "tether.expressplay.customer-authenticator")
    Optional<String> customerAuthenticator;

    @Inject
    @ConfigProperty(name = Profiles.KEY)
    Optional<String> profile;

    boolean isConfigured() {
        return url.filter(value -> !value.isBlank()).isPresent();
    }

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
                ExpressPlayStats.Endpoint.WIDEVINE_TOKEN,
                API,
                () -> tokenApi.get()
                        .requestToken(ExpressPlayCalls.form(
                                parameters(request, TokenCalls.authenticator(customerAuthenticator), Instant.now()))));
        return TokenCalls.tokenUrl(body, Profiles.isDev(profile), API);
    }

    /**
     * The Widevine token API's parameters by their documented names (DOMAIN.md), in order: the
     * title's rental duration is Widevine's {@code licenseDuration} (playback seconds from its start;
     * absent: unlimited).
     */
    static Map<String, String> parameters(TokenRequest request, String authenticator, Instant now) {
        DrmRights rights = request.rights();
        if (rights.drm() != Drm.WIDEVINE || request.device().isPresent()) {
            throw new IllegalArgumentException("not a Widevine token request");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("customerAuthenticator", authenticator);
        p.put("errorFormat", ExpressPlayCalls.ERROR_FORMAT);
        p.put("kid", rights.keyId().orElseThrow(() -> new IllegalStateException("Widevine needs a key id")));
        p.put("contentKey", request.key().keyHex());
        p.put("securityLevel", Integer.toString(rights.securityLevel().orElse(DrmRights.DEFAULT_SECURITY_LEVEL)));
        p.put("hdcpOutputControl", Integer.toString(rights.hdcpOutputControl().orElse(DrmRights.DEFAULT_HDCP)));
        if (!request.rentalDuration().isZero()) {
            p.put("licenseDuration", Long.toString(request.rentalDuration().toSeconds()));
        }
        p.put("expirationTime", ExpressPlayCalls.relative(request.expiresAt(), now));
        request.cookie().ifPresent(cookie -> p.put("cookie", cookie.value()));
        return p;
    }
}
