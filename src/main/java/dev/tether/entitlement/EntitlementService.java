package dev.tether.entitlement;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.ContentId;
import dev.tether.content.Drm;
import dev.tether.content.UnboundPolicy;
import dev.tether.expressplay.CookieRedemptions;
import dev.tether.expressplay.ExpressPlayBusyException;
import dev.tether.expressplay.ExpressPlayDrmNotConfiguredException;
import dev.tether.expressplay.ExpressPlayException;
import dev.tether.expressplay.ExpressPlayGateway;
import dev.tether.expressplay.ExpressPlayMisconfiguredException;
import dev.tether.expressplay.ExpressPlayRefusedException;
import dev.tether.expressplay.TokenRequest;
import dev.tether.expressplay.TokenUrl;
import dev.tether.platform.Saturation;
import dev.tether.streams.StreamStart;
import dev.tether.streams.Streams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The three SEES use cases. Each runs its database work as short transactions
 * ({@link EntitlementSteps}) and calls ExpressPlay between them, holding no transaction,
 * connection or row lock while it waits: a slow ExpressPlay then slows the requests that need it
 * and pins nothing else. A grant's audit event commits before its token URL is returned; a
 * refusal is recorded by {@link RecordsRefusals} with the facts gathered in the use case's
 * {@link Decision}.
 */
@ApplicationScoped
@RecordsRefusals
public class EntitlementService {

    /** Admissions tried before a request that keeps losing races to concurrent ones is refused. */
    static final int ADMISSION_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(EntitlementService.class.getName());

    @Inject
    EntitlementSteps steps;

    @Inject
    ExpressPlayGateway expressPlay;

    @Inject
    Decisions decisions;

    @Inject
    AuditTrail audit;

    @Inject
    Streams streams;

    /** requestType 1: a token that can be redeemed until the content's token window closes. */
    public Grant timeBased(Caller caller, ContentId contentId) {
        return timeBased(caller, contentId, Drm.FAIRPLAY);
    }

    /** requestType 1 for {@code drm}'s token. */
    public Grant timeBased(Caller caller, ContentId contentId, Drm drm) {
        Decision decision = open(caller, AuditType.TIME_BASED_TOKEN, contentId, drm);
        Instant now = Instant.now();
        EntitlementSteps.TokenOrder order = steps.timeBased(decision, caller, contentId, drm, now);
        return streamed(
                decision, caller, contentId, order, now, () -> grant(decision, caller, now, order, Optional.empty()));
    }

    /**
     * requestType 2: hands the user a cookie and a token for the registration content that
     * carries it. Redeeming that token makes ExpressPlay log the device's id against the cookie.
     */
    public Grant register(Caller caller, ContentId requested, Optional<String> clientCookie) {
        return register(caller, requested, clientCookie, Drm.FAIRPLAY);
    }

    /** requestType 2 for a device of {@code drm}: the registration content's token of that DRM. */
    public Grant register(Caller caller, ContentId requested, Optional<String> clientCookie, Drm drm) {
        Decision decision = open(caller, AuditType.REGISTRATION, requested, drm);
        Instant now = Instant.now();
        EntitlementSteps.TokenOrder order = steps.register(decision, caller, requested, clientCookie, drm, now);
        return grant(decision, caller, now, order, order.request().cookie());
    }

    /**
     * requestType 3: a token bound to the device that redeemed the cookie's registration token
     * and to the content's token window. The device id is looked up in ExpressPlay once, then
     * stored; a device that would take a new slot is admitted under the user's device limit.
     */
    public Grant deviceBound(Caller caller, ContentId contentId, Optional<String> cookie) {
        return deviceBound(caller, contentId, cookie, Drm.FAIRPLAY);
    }

    /**
     * requestType 3 for {@code drm}'s token. With a DRM whose tokens ExpressPlay cannot bind
     * (Widevine), the title's policy refuses (4003), or lets the admitted device have a time-bound
     * token, which the grant and its audit event state as {@code deviceBound: false}.
     */
    public Grant deviceBound(Caller caller, ContentId contentId, Optional<String> cookie, Drm drm) {
        Decision decision = open(caller, AuditType.DEVICE_BOUND_TOKEN, contentId, drm);
        Instant now = Instant.now();
        EntitlementSteps.BoundOrder bound =
                retried(caller, () -> steps.deviceBound(decision, caller, contentId, cookie, drm, now));
        EntitlementSteps.TokenOrder order;
        if (bound.admitted().isPresent()) {
            order = bound.admitted().get();
        } else {
            DeviceId device = resolve(decision, caller, bound);
            order = retried(caller, () -> steps.admit(decision, caller, bound, device, now));
        }
        EntitlementSteps.TokenOrder admitted = order;
        return streamed(
                decision,
                caller,
                contentId,
                order,
                now,
                () -> grant(decision, caller, now, admitted, Optional.empty()));
    }

    /**
     * The stream's lease around the grant (issue 17): admitted under the user's stream limit once
     * the title's and the device's checks passed, before ExpressPlay is asked and holding no lock
     * while it is; ended again if no token comes of it. The step that checked them admits it in
     * its own transaction (issue 22); a device resolved just now, or a user's very first stream,
     * is admitted here in transactions of their own.
     */
    private Grant streamed(
            Decision decision,
            Caller caller,
            ContentId contentId,
            EntitlementSteps.TokenOrder order,
            Instant now,
            Supplier<Grant> grant) {
        StreamStart start = order.stream()
                .orElseGet(() -> streams.start(
                        decision,
                        caller.user(),
                        caller.groups(),
                        contentId,
                        order.request().device(),
                        now));
        if (start.refused()) {
            throw new EntitlementRefusedException(
                    SeesError.STREAM_LIMIT_REACHED,
                    caller.requestId(),
                    start.refusalText() + " " + SeesError.STREAM_LIMIT_REACHED.text());
        }
        if (start.lease().isEmpty()) {
            return grant.get();
        }
        try {
            return grant.get().withLease(start.lease().get());
        } catch (RuntimeException e) {
            streams.abandon(start.lease().get(), now);
            throw e;
        }
    }

    /**
     * The request's decision. Each step's transaction first refuses a user the directory
     * deprovisioned, before anything else is looked at.
     */
    private Decision open(Caller caller, AuditType type, ContentId contentId, Drm drm) {
        Decision decision = decisions
                .open(type)
                .user(caller.user())
                .request(caller.requestId(), caller.clientAddress())
                .content(contentId);
        decision.detail().put("drm", drm.wire());
        return decision;
    }

    /**
     * The device that redeemed the cookie's registration token, asked of ExpressPlay: a decision of
     * its own. Only a device that every visible redemption names owns the cookie; redemptions by
     * several devices are refused, since the window of record retrieval cannot show which came first.
     */
    private DeviceId resolve(Decision decision, Caller caller, EntitlementSteps.BoundOrder bound) {
        Decision resolution = decision.about(AuditType.DEVICE_RESOLUTION);
        decisions.use(resolution);
        CookieRedemptions found;
        try {
            found = expressPlay.deviceOf(bound.cookie());
        } catch (ExpressPlayException e) {
            throw refusal(resolution, caller, e);
        }
        if (found.isDisputed()) {
            resolution.detail().put("redeemingDevices", found.devices().size());
            throw EntitlementSteps.refusal(caller, SeesError.REDEEMED_ON_SEVERAL_DEVICES);
        }
        DeviceId device =
                found.owner().orElseThrow(() -> EntitlementSteps.refusal(caller, SeesError.DEVICE_NOT_REDEEMED));
        decisions.use(decision);
        return device;
    }

    /**
     * A step that admits a device, asked again in a new transaction when it lost a race (two
     * requests resolving one cookie at once, on one server or two): the next attempt finds the
     * winner's binding and device. The database's row locks, versions and unique keys decide the race.
     */
    private static <T> T retried(Caller caller, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (ConcurrentDecisionException e) {
                if (attempt == ADMISSION_ATTEMPTS) {
                    LOG.log(Level.WARNING, "Gave up after losing " + ADMISSION_ATTEMPTS + " races", e);
                    throw EntitlementSteps.refusal(caller, SeesError.CONCURRENT_REQUESTS);
                }
                int lost = attempt;
                LOG.fine(() -> "Lost a race on attempt " + lost + ", asking again");
            }
        }
    }

    /**
     * Asks ExpressPlay for the token, then commits the grant's audit event before the URL leaves.
     * Every step of a request is dated {@code now}, its start: the token window is counted from
     * the grant's time, and a resolution shares the instant of the token it was looked up for.
     */
    private Grant grant(
            Decision decision, Caller caller, Instant now, EntitlementSteps.TokenOrder order, Optional<Cookie> cookie) {
        TokenRequest request = order.request();
        TokenUrl url;
        try {
            url = expressPlay.requestToken(request);
        } catch (ExpressPlayException e) {
            if (!unboundAllowed(request, e)) {
                throw refusal(decision, caller, e);
            }
            // The account cannot bind (-6008) and the title's policy takes a time-bound token
            // for the device it just admitted: asked again without the device restriction.
            decision.detail()
                    .put("unboundPolicy", UnboundPolicy.TIME_BOUND.wire())
                    .put("bindingRefusedBy", -6008);
            request = request.withoutDevice();
            try {
                url = expressPlay.requestToken(request);
            } catch (ExpressPlayException again) {
                throw refusal(decision, caller, again);
            }
        }
        boolean deviceBound = request.device().isPresent();
        decision.detail().put("deviceBound", deviceBound);
        audit.commit(decision.granted(now).token(url.value(), order.expiry()).build());
        return new Grant(url, cookie, deviceBound);
    }

    /** Whether a device-bound request refused for lack of binding may be asked again time-bound, by the title's policy. */
    private static boolean unboundAllowed(TokenRequest request, ExpressPlayException e) {
        return e instanceof ExpressPlayRefusedException refused
                && refused.isDeviceBindingUnsupported()
                && request.device().isPresent()
                && request.rights().unboundPolicy() == UnboundPolicy.TIME_BOUND;
    }

    /**
     * The SEES refusal for a failed ExpressPlay call. What ExpressPlay said (its code and its own
     * message, stripped of secrets) goes into the decision's audit detail and the log; a rejected
     * authenticator is 4001 with a text that tells the operator what to fix.
     */
    private static EntitlementRefusedException refusal(Decision decision, Caller caller, ExpressPlayException e) {
        AuditType type = decision.type();
        if (e instanceof ExpressPlayDrmNotConfiguredException notConfigured) {
            LOG.warning(() -> "A " + type + " request for " + notConfigured.drm() + ": " + e.getMessage());
            return EntitlementSteps.refusal(caller, SeesError.DRM_NOT_CONFIGURED);
        }
        if (e instanceof ExpressPlayMisconfiguredException misconfigured) {
            decision.detail()
                    .put("expressPlayStatus", 401)
                    .put("expressPlayError", misconfigured.errorCode())
                    .put("expressPlayMessage", misconfigured.expressPlayMessage());
            return new EntitlementRefusedException(
                    SeesError.EXPRESSPLAY_REFUSED,
                    caller.requestId(),
                    SeesError.EXPRESSPLAY_REFUSED.text()
                            + " (ExpressPlay rejected this service's customer authenticator: its operator must correct"
                            + " the configuration; asking again will not help until then)");
        }
        if (e instanceof ExpressPlayRefusedException refused) {
            decision.detail()
                    .put("expressPlayStatus", 400)
                    .put("expressPlayError", refused.errorCode())
                    .put("expressPlayMessage", refused.expressPlayMessage());
            LOG.warning(() -> "ExpressPlay refused a " + type + " request with code " + refused.errorCode() + ": "
                    + refused.expressPlayMessage());
            if (refused.isDeviceBindingUnsupported()) {
                return EntitlementSteps.refusal(caller, SeesError.DEVICE_BINDING_UNSUPPORTED);
            }
            if (refused.isDrmDisabled()) {
                return EntitlementSteps.refusal(caller, SeesError.DRM_DISABLED);
            }
            return new EntitlementRefusedException(
                    SeesError.EXPRESSPLAY_REFUSED,
                    caller.requestId(),
                    SeesError.EXPRESSPLAY_REFUSED.text() + " (ExpressPlay error " + refused.errorCode() + ": "
                            + refused.getMessage() + ")");
        }
        if (e instanceof ExpressPlayBusyException busy) {
            Saturation.refused(Saturation.Limit.EXPRESSPLAY_BULKHEAD);
            decision.detail().put("limit", "bulkhead of ExpressPlay's " + busy.endpoint() + " endpoint");
            LOG.fine(() -> "Tether busy for a " + type + " request: " + e.getMessage());
            return EntitlementSteps.refusal(caller, SeesError.TETHER_BUSY);
        }
        LOG.log(Level.WARNING, "ExpressPlay unavailable for a " + type + " request: " + e.getMessage(), e.getCause());
        return EntitlementSteps.refusal(caller, SeesError.EXPRESSPLAY_UNAVAILABLE);
    }
}
