package dev.tether.expressplay;

import dev.tether.binding.Cookie;
import dev.tether.expressplay.ExpressPlayStats.Endpoint;
import dev.tether.expressplay.ExpressPlayStats.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Tether's way to ExpressPlay. Returns domain values or throws an {@link ExpressPlayException}:
 * a timeout or an open circuit becomes {@link ExpressPlayUnavailableException}; a full bulkhead,
 * Tether's own limit, {@link ExpressPlayBusyException}.
 * This bean sits outside {@link ExpressPlayCalls} because fault-tolerance exceptions are raised by
 * the interceptors around that bean, where its own code cannot catch them; it waits for the
 * asynchronous call, whose stage the policy completes by its timeout at the latest.
 */
@ApplicationScoped
public class ExpressPlayGateway {

    @Inject
    ExpressPlayCalls calls;

    @Inject
    WidevineCalls widevine;

    @Inject
    PlayReadyCalls playReady;

    @Inject
    ExpressPlayStats stats;

    @Inject
    ExpressPlayAccount account;

    /** A token from the token API of the request's DRM, each behind its own circuit and bulkhead. */
    public TokenUrl requestToken(TokenRequest request) {
        return switch (request.drm()) {
            case FAIRPLAY -> guarded(Endpoint.TOKEN, () -> calls.requestToken(request));
            case WIDEVINE -> {
                if (!widevine.isConfigured()) {
                    throw new ExpressPlayDrmNotConfiguredException(request.drm(), WidevineCalls.URL_KEY);
                }
                yield guarded(Endpoint.WIDEVINE_TOKEN, () -> widevine.requestToken(request));
            }
            case PLAYREADY -> {
                if (!playReady.isConfigured()) {
                    throw new ExpressPlayDrmNotConfiguredException(request.drm(), PlayReadyCalls.URL_KEY);
                }
                yield guarded(Endpoint.PLAYREADY_TOKEN, () -> playReady.requestToken(request));
            }
        };
    }

    /** The devices ExpressPlay's history shows redeeming a token carrying {@code cookie}. */
    public CookieRedemptions deviceOf(Cookie cookie) {
        return guarded(Endpoint.RECORDS, () -> calls.deviceOf(cookie));
    }

    private <T> T guarded(Endpoint endpoint, Supplier<CompletionStage<T>> call) {
        stats.started(endpoint);
        try {
            return outcomeOf(endpoint, call);
        } finally {
            stats.finished(endpoint);
        }
    }

    private <T> T outcomeOf(Endpoint endpoint, Supplier<CompletionStage<T>> call) {
        try {
            T result = await(call.get());
            stats.ended(endpoint, Outcome.SUCCEEDED);
            account.accepted();
            return result;
        } catch (ExpressPlayMisconfiguredException e) {
            stats.ended(endpoint, Outcome.MISCONFIGURED);
            account.rejected(endpoint, e);
            throw e;
        } catch (ExpressPlayException e) {
            stats.ended(
                    endpoint,
                    e instanceof ExpressPlayRefusedException
                            ? Outcome.REFUSED
                            : e instanceof ExpressPlayMisbehavedException ? Outcome.MISBEHAVED : Outcome.UNAVAILABLE);
            if (e instanceof ExpressPlayRefusedException) {
                account.accepted();
            }
            throw e;
        } catch (BulkheadException e) {
            stats.ended(endpoint, Outcome.BULKHEAD_FULL);
            throw new ExpressPlayBusyException(endpoint, e);
        } catch (FaultToleranceException e) {
            Outcome outcome = e instanceof CircuitBreakerOpenException ? Outcome.CIRCUIT_OPEN : Outcome.TIMED_OUT;
            stats.ended(endpoint, outcome);
            throw new ExpressPlayUnavailableException("ExpressPlay " + endpoint + " unavailable: " + outcome, e);
        }
    }

    /**
     * The stage's value, or its failure rethrown as it was raised: Tether's exceptions and the
     * fault-tolerance ones pass through; anything else is a fault of Tether, not of ExpressPlay.
     */
    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("ExpressPlay call failed", cause);
        }
    }
}
