package dev.tether.entitlement;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.binding.Admission;
import dev.tether.binding.BindingSettings;
import dev.tether.binding.Bindings;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceBinding;
import dev.tether.binding.DeviceId;
import dev.tether.binding.DeviceRoster;
import dev.tether.content.Content;
import dev.tether.content.ContentCatalog;
import dev.tether.content.ContentId;
import dev.tether.content.ContentPolicy;
import dev.tether.content.Drm;
import dev.tether.content.DrmRights;
import dev.tether.content.UnboundPolicy;
import dev.tether.expressplay.TokenRequest;
import dev.tether.identity.UserAccess;
import dev.tether.streams.StreamStart;
import dev.tether.streams.Streams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database steps of the SEES use cases, each a short transaction of its own, so that
 * {@link EntitlementService} can call ExpressPlay between them holding no transaction, no
 * connection and no row lock. Each step checks what it reads afresh; the facts it learns go into
 * the use case's {@link Decision}.
 */
@ApplicationScoped
public class EntitlementSteps {

    private static final Logger LOG = Logger.getLogger(EntitlementSteps.class.getName());

    @Inject
    ContentCatalog catalog;

    @Inject
    Bindings bindings;

    @Inject
    DeviceRoster roster;

    @Inject
    AuditTrail audit;

    @Inject
    BindingSettings settings;

    @Inject
    UserAccess access;

    @Inject
    Streams streams;

    /**
     * What ExpressPlay is to be asked for, when the token it issues expires, and the stream's
     * admission if the step's transaction made it (empty: the use case asks for it after the step).
     */
    public record TokenOrder(TokenRequest request, Instant expiry, Optional<StreamStart> stream) {

        public TokenOrder(TokenRequest request, Instant expiry) {
            this(request, expiry, Optional.empty());
        }
    }

    /**
     * A device-bound request that passed the checks: admitted already if its binding was resolved,
     * else waiting for ExpressPlay to name its device.
     */
    public record BoundOrder(Content content, Cookie cookie, Optional<TokenOrder> admitted, DrmRights rights) {

        public BoundOrder(Content content, Cookie cookie, Optional<TokenOrder> admitted) {
            this(content, cookie, admitted, DrmRights.fairPlay());
        }
    }

    /** requestType 1: the title's checks; a title that needs device binding gets no time-based token. */
    @Transactional
    public TokenOrder timeBased(Decision decision, Caller caller, ContentId contentId, Instant now) {
        return timeBased(decision, caller, contentId, Drm.FAIRPLAY, now);
    }

    /** requestType 1 for {@code drm}: also refused if the title is not packaged for it (2005). */
    @Transactional
    public TokenOrder timeBased(Decision decision, Caller caller, ContentId contentId, Drm drm, Instant now) {
        served(caller);
        Content content = entitled(decision, caller, contentId);
        DrmRights rights = packagedFor(caller, content, drm);
        if (content.policy().deviceBindingRequired()) {
            // Such a title is licensed to registered devices only: a time-based token would play anywhere.
            decision.detail().put("deviceBindingRequired", true);
            throw refusal(caller, SeesError.DEVICE_BINDING_REQUIRED);
        }
        Instant expiry = content.tokenExpiry(now);
        withWindow(decision, content);
        return streamed(
                decision,
                caller,
                contentId,
                new TokenOrder(
                        TokenRequest.timeBound(catalog.keyMaterial(content), expiry, content.rentalDuration())
                                .forDrm(rights),
                        expiry),
                now);
    }

    /**
     * requestType 2: stores a new pending binding for the client's cookie (if well-formed and
     * unused) or a minted one. The title's group is not checked: a registration is for the device,
     * not for the title.
     */
    @Transactional
    public TokenOrder register(
            Decision decision, Caller caller, ContentId requested, Optional<String> clientCookie, Instant now) {
        return register(decision, caller, requested, clientCookie, Drm.FAIRPLAY, now);
    }

    /** requestType 2 for a device of {@code drm}: the registration content must be packaged for it. */
    @Transactional
    public TokenOrder register(
            Decision decision,
            Caller caller,
            ContentId requested,
            Optional<String> clientCookie,
            Drm drm,
            Instant now) {
        served(caller);
        available(caller, requested);
        Content registration =
                catalog.registrationContent().orElseThrow(() -> refusal(caller, SeesError.NO_REGISTRATION_CONTENT));
        DrmRights registrationRights = registration
                .rightsFor(drm)
                .orElseThrow(() -> new EntitlementRefusedException(
                        SeesError.NO_REGISTRATION_CONTENT,
                        caller.requestId(),
                        "Device registration is not configured for " + drm.wire()
                                + ": the registration content is not packaged for it."));
        Cookie cookie = clientCookie.map(text -> wellFormed(caller, text)).orElseGet(Cookie::mint);
        decision.cookie(cookie);
        if (bindings.exists(cookie)) {
            throw refusal(caller, SeesError.COOKIE_IN_USE);
        }
        try {
            bindings.add(DeviceBinding.register(cookie, caller.user(), now, settings.cookieLifetime()));
        } catch (PersistenceException e) {
            // Another request registered the same cookie between our check and our insert.
            LOG.log(Level.FINE, "Cookie collision on insert", e);
            throw refusal(caller, SeesError.COOKIE_IN_USE);
        }
        Instant expiry = registration.tokenExpiry(now);
        return new TokenOrder(
                TokenRequest.registration(catalog.keyMaterial(registration), expiry, cookie)
                        .forDrm(registrationRights),
                expiry);
    }

    /**
     * requestType 3, as far as it goes without ExpressPlay: the title and the cookie's binding, and,
     * if the binding is resolved, the device's admission.
     */
    @Transactional
    public BoundOrder deviceBound(
            Decision decision, Caller caller, ContentId contentId, Optional<String> cookieText, Instant now) {
        return deviceBound(decision, caller, contentId, cookieText, Drm.FAIRPLAY, now);
    }

    /**
     * requestType 3 for {@code drm}. A DRM that cannot bind a token to a device is refused with 4003
     * here, before anything is asked of ExpressPlay, unless the title's policy lets an admitted
     * device have a time-bound token.
     */
    @Transactional
    public BoundOrder deviceBound(
            Decision decision, Caller caller, ContentId contentId, Optional<String> cookieText, Drm drm, Instant now) {
        served(caller);
        Content content = entitled(decision, caller, contentId);
        DrmRights rights = packagedFor(caller, content, drm);
        if (!drm.bindsDevices()) {
            decision.detail().put("unboundPolicy", rights.unboundPolicy().wire());
            if (rights.unboundPolicy() == UnboundPolicy.REFUSE) {
                throw new EntitlementRefusedException(
                        SeesError.DEVICE_BINDING_UNSUPPORTED,
                        caller.requestId(),
                        "ExpressPlay cannot bind a " + drm.wire() + " token to a device, and this title's policy"
                                + " refuses a token that is not bound; ask with another drm, or for a time-based token"
                                + " (requestType 1).");
            }
        }
        Cookie cookie = wellFormed(caller, cookieText.orElseThrow(() -> refusal(caller, SeesError.NOT_REGISTERED)));
        decision.cookie(cookie);
        DeviceBinding binding = binding(decision, caller, cookie, now);
        BoundOrder order = new BoundOrder(content, cookie, Optional.empty(), rights);
        // A resolved binding needs nothing of ExpressPlay before the token: admit the device and
        // its stream in this transaction.
        return binding.deviceId().isPresent()
                ? new BoundOrder(
                        content,
                        cookie,
                        Optional.of(streamed(
                                decision,
                                caller,
                                contentId,
                                admitted(decision, caller, order, binding, null, now),
                                now)),
                        rights)
                : order;
    }

    /**
     * requestType 3, once ExpressPlay named the device of a pending binding: stores it (with its
     * resolution event) and admits the device, both committed before the token is asked for. A
     * concurrent request may have resolved the binding meanwhile: its device is the one admitted.
     */
    @Transactional
    public TokenOrder admit(Decision decision, Caller caller, BoundOrder order, DeviceId resolved, Instant now) {
        return admitted(decision, caller, order, binding(decision, caller, order.cookie(), now), resolved, now);
    }

    /**
     * Admits the binding's device (storing {@code resolved}, the device ExpressPlay named, first if
     * the binding is pending; null for a resolved binding) under
     * the user's limit, which locks the user's policy row for a device that takes a slot. A race
     * lost to a concurrent request surfaces here (row lock, version, unique device) as
     * {@link ConcurrentDecisionException}.
     */
    private TokenOrder admitted(
            Decision decision, Caller caller, BoundOrder order, DeviceBinding binding, DeviceId resolved, Instant now) {
        DeviceId device;
        Admission admission;
        try {
            boolean resolvedNow = binding.deviceId().isEmpty();
            device = binding.deviceId().orElseGet(() -> {
                binding.resolve(resolved, now);
                return resolved;
            });
            admission = roster.admit(caller.user(), device, order.content().id(), now);
            bindings.flush();
            if (resolvedNow) {
                // After the admission's writes and the policy lock: the audit ledger's head is the
                // last lock a transaction takes (README, "The audit ledger").
                audit.record(decision.about(AuditType.DEVICE_RESOLUTION)
                        .device(resolved)
                        .granted(now)
                        .build());
            }
        } catch (PersistenceException e) {
            throw new ConcurrentDecisionException(e);
        }
        decision.device(device);
        if (admission.counted()) {
            decision.detail().put("activeDevices", admission.activeDevices()).put("limit", admission.limit());
        }
        decision.detail().put("newDevice", admission.newDevice());
        switch (admission.outcome()) {
            case REVOKED -> throw refusal(caller, SeesError.DEVICE_REVOKED);
            case LIMIT_REACHED ->
                throw new EntitlementRefusedException(
                        SeesError.DEVICE_LIMIT_REACHED,
                        caller.requestId(),
                        "Your " + admission.limit() + " device slots are all in use. "
                                + SeesError.DEVICE_LIMIT_REACHED.text());
            case ADMITTED -> {
                // The token may be asked for.
            }
        }
        Content content = order.content();
        Instant expiry = content.tokenExpiry(now);
        withWindow(decision, content);
        if (!order.rights().drm().bindsDevices()) {
            // The title's policy allows it: a time-bound token for an admitted device, not bound to it.
            return new TokenOrder(
                    new TokenRequest(
                            catalog.keyMaterial(content),
                            expiry,
                            content.rentalDuration(),
                            Optional.of(order.cookie()),
                            Optional.empty(),
                            order.rights()),
                    expiry);
        }
        return new TokenOrder(
                TokenRequest.deviceBound(
                                catalog.keyMaterial(content), expiry, content.rentalDuration(), order.cookie(), device)
                        .forDrm(order.rights()),
                expiry);
    }

    /**
     * A deprovisioned user is refused before anything else is looked at, whatever the request type
     * and DRM, in the step's transaction rather than one of its own.
     */
    private void served(Caller caller) {
        if (access.hasEnded(caller.user())) {
            throw refusal(caller, SeesError.USER_DEPROVISIONED);
        }
    }

    /**
     * The order with its stream admitted in this transaction, after every other check and write
     * of the step: the user's lock is taken last but for the audit ledger's head.
     */
    private TokenOrder streamed(Decision decision, Caller caller, ContentId contentId, TokenOrder order, Instant now) {
        Optional<StreamStart> start = streams.startWithin(
                decision,
                caller.user(),
                caller.groups(),
                contentId,
                order.request().device(),
                now);
        return new TokenOrder(order.request(), order.expiry(), start);
    }

    /** The title's rights for {@code drm}, or the refusal of a title not packaged for it (2005). */
    private static DrmRights packagedFor(Caller caller, Content content, Drm drm) {
        return content.rightsFor(drm)
                .orElseThrow(() -> new EntitlementRefusedException(
                        SeesError.DRM_NOT_AVAILABLE,
                        caller.requestId(),
                        "This title is not available for " + drm.wire() + "; it is packaged for "
                                + String.join(
                                        ", ",
                                        content.drms().stream()
                                                .map(rights -> rights.drm().wire())
                                                .toList())
                                + "."));
    }

    /** The cookie's binding, if it is the caller's, unexpired and not ended. */
    private DeviceBinding binding(Decision decision, Caller caller, Cookie cookie, Instant now) {
        DeviceBinding binding = bindings.byCookie(cookie).orElseThrow(() -> refusal(caller, SeesError.NOT_REGISTERED));
        if (!binding.belongsTo(caller.user())) {
            throw refusal(caller, SeesError.COOKIE_OF_ANOTHER_USER);
        }
        if (binding.isExpired(now)) {
            throw refusal(caller, SeesError.COOKIE_EXPIRED);
        }
        if (binding.isEnded()) {
            decision.device(binding.deviceId().orElse(null));
            throw refusal(caller, SeesError.DEVICE_REMOVED);
        }
        return binding;
    }

    /** The title, unless unknown or retired, if the caller has its required group. */
    private Content entitled(Decision decision, Caller caller, ContentId contentId) {
        Content content = available(caller, contentId);
        ContentPolicy policy = content.policy();
        decision.detail()
                .put("policyVersion", content.policyVersion())
                .put("requiredGroup", policy.requiredGroup().orElse(null));
        if (!policy.admits(caller.groups())) {
            decision.detail().put("groupCheck", "failed");
            throw refusal(caller, SeesError.GROUP_REQUIRED);
        }
        decision.detail().put("groupCheck", policy.requiredGroup().isPresent() ? "passed" : "none");
        return content;
    }

    private Content available(Caller caller, ContentId contentId) {
        Content content = catalog.find(contentId).orElseThrow(() -> refusal(caller, SeesError.UNKNOWN_CONTENT));
        if (content.isRetired()) {
            throw refusal(caller, SeesError.CONTENT_RETIRED);
        }
        return content;
    }

    private static Cookie wellFormed(Caller caller, String text) {
        if (!Cookie.isWellFormed(text)) {
            throw refusal(caller, SeesError.COOKIE_MALFORMED);
        }
        return new Cookie(text);
    }

    private static void withWindow(Decision decision, Content content) {
        decision.detail().put("tokenLifetime", content.tokenLifetime()).put("rentalDuration", content.rentalDuration());
    }

    static EntitlementRefusedException refusal(Caller caller, SeesError error) {
        return new EntitlementRefusedException(error, caller.requestId(), error.text());
    }
}
