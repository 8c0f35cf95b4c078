package dev.tether.expressplay;

import dev.tether.content.Drm;
import dev.tether.content.DrmRights;
import dev.tether.platform.FollowsTheRequest;
import dev.tether.platform.Jsonp;
import dev.tether.platform.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLDecoder;
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
 * The guarded calls to ExpressPlay's PlayReady token API, with a policy of their own that reads
 * like FairPlay's ({@link ExpressPlayCalls}): its own circuit and bulkhead. Tunable as
 * {@code dev.tether.expressplay.PlayReadyCalls/requestToken/Retry/maxRetries} and so on. The device
 * restriction's name is not in the parameter table Tether could read, so it is configurable
 * ({@code tether.expressplay.playready.device-id-parameter}, default {@code deviceid}: assumed).
 */
@ApplicationScoped
@FollowsTheRequest
public class PlayReadyCalls {

    static final String URL_KEY = "expressplay-playready-token/mp-rest/url";

    /** A rental must be a persistent license; so is a purchase the title lets a device keep offline. */
    static final String PERSISTENT = "00000001";

    @Inject
    @RestClient
    Instance<PlayReadyTokenApi> tokenApi;

    @Inject
    @ConfigProperty(name = URL_KEY)
    Optional<String> url;

    @Inject
    ExpressPlayStats stats;

    @Inject
    @ConfigProperty(name = "tether.expressplay.customer-authenticator")
    Optional<String> customerAuthenticator;

    @Inject
    @ConfigProperty(name = "tether.expressplay.playready.device-id-parameter", defaultValue = "deviceid")
    String deviceIdParameter;

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
                ExpressPlayStats.Endpoint.PLAYREADY_TOKEN,
                "PlayReady token API",
                () -> tokenApi.get()
                        .requestToken(ExpressPlayCalls.form(parameters(
                                request,
                                TokenCalls.authenticator(customerAuthenticator),
                                deviceIdParameter,
                                Instant.now()))));
        return read(body, Profiles.isDev(profile));
    }

    /**
     * The answer as the sample shows it, JSON {@code {"licenseAcquisitionUrl": ..., "token": ...}},
     * or as the status table says, a {@code text/uri-list} URL carrying {@code ExpressPlayToken}.
     */
    static TokenUrl read(String body, boolean dev) {
        String text = body == null ? "" : body.strip();
        String laUrl;
        String token;
        if (text.startsWith("{")) {
            JsonObject json;
            try {
                json = Jsonp.provider().createReader(new StringReader(text)).readObject();
            } catch (JsonException e) {
                throw new ExpressPlayMisbehavedException("ExpressPlay PlayReady token API answered unreadable JSON", e);
            }
            if (!(json.get("licenseAcquisitionUrl") instanceof JsonString url)
                    || !(json.get("token") instanceof JsonString tokenValue)
                    || tokenValue.getString().isEmpty()) {
                throw new ExpressPlayMisbehavedException(
                        "ExpressPlay PlayReady token API answered JSON without licenseAcquisitionUrl and token");
            }
            laUrl = url.getString();
            token = tokenValue.getString();
        } else {
            int at = text.indexOf("?ExpressPlayToken=");
            if (at < 0) {
                throw new ExpressPlayMisbehavedException(
                        "ExpressPlay PlayReady token API answered neither JSON nor a token URL");
            }
            laUrl = text.substring(0, at);
            token = URLDecoder.decode(text.substring(at + "?ExpressPlayToken=".length()), StandardCharsets.UTF_8);
        }
        if (!TokenCalls.isTokenUrl(laUrl, dev)) {
            throw new ExpressPlayMisbehavedException(
                    "ExpressPlay PlayReady token API answered a license acquisition URL that is not https");
        }
        String joined = laUrl + "?ExpressPlayToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new TokenUrl(joined, Optional.of(new TokenUrl.PlayReadyLicense(laUrl, token)));
    }

    /**
     * The PlayReady token API's parameters by their documented names (DOMAIN.md), in order. A title
     * with a rental duration is a {@code Rental}, persistent as ExpressPlay requires, whose period
     * ends when the token window plus the rental duration has passed and which plays for the rental
     * duration; without one, {@code BuyToOwn}, persistent only if the title allows offline.
     */
    static Map<String, String> parameters(
            TokenRequest request, String authenticator, String deviceIdParameter, Instant now) {
        DrmRights rights = request.rights();
        if (rights.drm() != Drm.PLAYREADY) {
            throw new IllegalArgumentException("not a PlayReady token request");
        }
        DrmRights.Opl opl = rights.opl().orElse(DrmRights.Opl.DEFAULT);
        Duration rental = request.rentalDuration();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("customerAuthenticator", authenticator);
        p.put("errorFormat", ExpressPlayCalls.ERROR_FORMAT);
        p.put("kid", rights.keyId().orElseThrow(() -> new IllegalStateException("PlayReady needs a key id")));
        p.put("contentKey", request.key().keyHex());
        if (rental.isZero()) {
            p.put("rightsType", "BuyToOwn");
            if (rights.persistent()) {
                p.put("generalFlags", PERSISTENT);
            }
        } else {
            p.put("rightsType", "Rental");
            p.put("generalFlags", PERSISTENT);
            p.put(
                    "rental.periodEndTime",
                    ExpressPlayCalls.relative(request.expiresAt().plus(rental), now));
            p.put("rental.playDuration", Long.toString(rental.toSeconds()));
        }
        p.put("analogVideoOPL", Integer.toString(opl.analogVideo()));
        p.put("compressedDigitalAudioOPL", Integer.toString(opl.compressedDigitalAudio()));
        p.put("compressedDigitalVideoOPL", Integer.toString(opl.compressedDigitalVideo()));
        p.put("uncompressedDigitalAudioOPL", Integer.toString(opl.uncompressedDigitalAudio()));
        p.put("uncompressedDigitalVideoOPL", Integer.toString(opl.uncompressedDigitalVideo()));
        p.put("unknownOutputBehavior", rights.unknownOutputBehavior().orElse(DrmRights.DEFAULT_UNKNOWN_OUTPUT));
        p.put("expirationTime", ExpressPlayCalls.relative(request.expiresAt(), now));
        request.cookie().ifPresent(cookie -> p.put("cookie", cookie.value()));
        request.device().ifPresent(device -> p.put(deviceIdParameter, device.value()));
        return p;
    }
}
