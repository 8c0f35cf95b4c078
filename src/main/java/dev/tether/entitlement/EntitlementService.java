package dev.tether.entitlement;

import dev.tether.audit.AuditDetail;
import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.binding.Admission;
import dev.tether.binding.Bindings;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceBinding;
import dev.tether.binding.DeviceId;
import dev.tether.binding.DeviceRoster;
import dev.tether.content.Content;
import dev.tether.content.ContentCatalog;
import dev.tether.content.ContentId;
import dev.tether.content.ContentPolicy;
import dev.tether.expressplay.ExpressPlayException;
import dev.tether.expressplay.ExpressPlayGateway;
import dev.tether.expressplay.ExpressPlayRefusedException;
import dev.tether.expressplay.TokenRequest;
import dev.tether.expressplay.TokenUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The three SEES use cases, one transaction each. A grant and its audit event commit together;
 * a refusal is audited in its own transaction and then rolls the use case back. Callers go
 * through {@link Entitlements}, which retries a use case that lost a race to a concurrent one.
 */
@ApplicationScoped
public class EntitlementService {

    private static final Logger LOG = Logger.getLogger(EntitlementService.class.getName());

    @Inject
    ContentCatalog catalog;

    @Inject
    Bindings bindings;

    @Inject
    DeviceRoster roster;

    @Inject
    ExpressPlayGateway expressPlay;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "tether.binding.cookie-lifetime", defaultValue = "P30D")
    Duration cookieLifetime;

    /** requestType 1: a token that can be redeemed until the content's token window closes. */
    @Transactional
    public Grant timeBased(Caller caller, ContentId contentId) {
        AuditType type = AuditType.TIME_BASED_TOKEN;
        Content content = available(caller, type, contentId);
        AuditDetail detail = entitledBy(caller, type, content);
        if (content.policy().deviceBindingRequired()) {
            // Such a title is licensed to registered devices only: a time-based token would play anywhere.
            throw refuse(caller, type, SeesError.DEVICE_BINDING_REQUIRED, SeesError.DEVICE_BINDING_REQUIRED.text(),
                    contentId, null, null, detail.put("deviceBindingRequired", true));
        }
        Instant now = Instant.now();
        Instant expiry = content.tokenExpiry(now);
        TokenUrl url = requestToken(caller, type, contentId, null, null, detail,
                TokenRequest.timeBound(catalog.keyMaterial(content), expiry, content.rentalDuration()));
        audit.record(granted(caller, type, now).content(contentId).token(url.value(), expiry)
                .detail(withWindow(detail, content)).build());
        return new Grant(url, Optional.empty());
    }

    /**
     * requestType 2: hands the user a cookie (the client's, if well-formed and unused, else a new
     * one) and a token for the registration content that carries it. Redeeming that token makes
     * ExpressPlay log the device's id against the cookie. The title's group is not checked here:
     * a registration is for the device, not for the title.
     */
    @Transactional
    public Grant register(Caller caller, ContentId requested, Optional<String> clientCookie) {
        AuditType type = AuditType.REGISTRATION;
        available(caller, type, requested);
        Content registration = catalog.registrationContent().orElseThrow(() ->
                refuse(caller, type, SeesError.NO_REGISTRATION_CONTENT, requested, null, null));
        Cookie cookie;
        if (clientCookie.isPresent()) {
            if (!Cookie.isWellFormed(clientCookie.get())) {
                throw refuse(caller, type, SeesError.COOKIE_MALFORMED, requested, null, null);
            }
            cookie = new Cookie(clientCookie.get());
            if (bindings.exists(cookie)) {
                throw refuse(caller, type, SeesError.COOKIE_IN_USE, requested, cookie, null);
            }
        } else {
            cookie = Cookie.mint();
        }
        Instant now = Instant.now();
        try {
            bindings.add(DeviceBinding.register(cookie, caller.user(), now, cookieLifetime));
        } catch (PersistenceException e) {
            // Another request registered the same cookie between our check and our insert.
            LOG.log(Level.FINE, "Cookie collision on insert", e);
            throw refuse(caller, type, SeesError.COOKIE_IN_USE, requested, cookie, null);
        }
        Instant expiry = registration.tokenExpiry(now);
        TokenUrl url = requestToken(caller, type, requested, cookie, null, null,
                TokenRequest.registration(catalog.keyMaterial(registration), expiry, cookie));
        audit.record(granted(caller, type, now).content(requested).cookie(cookie).token(url.value(), expiry).build());
        return new Grant(url, Optional.of(cookie));
    }

    /**
     * requestType 3: a token bound to the device that redeemed the cookie's registration token and
     * to the content's token window. The device id is looked up in ExpressPlay once, then stored.
     * A device that would take a new slot is admitted under the user's device limit.
     */
    @Transactional
    public Grant deviceBound(Caller caller, ContentId contentId, Optional<String> cookieText) {
        AuditType type = AuditType.DEVICE_BOUND_TOKEN;
        Content content = available(caller, type, contentId);
        AuditDetail detail = entitledBy(caller, type, content);
        if (cookieText.isEmpty()) {
            throw refuse(caller, type, SeesError.NOT_REGISTERED, contentId, null, null);
        }
        if (!Cookie.isWellFormed(cookieText.get())) {
            throw refuse(caller, type, SeesError.COOKIE_MALFORMED, contentId, null, null);
        }
        Cookie cookie = new Cookie(cookieText.get());
        DeviceBinding binding = bindings.byCookie(cookie).orElseThrow(() ->
                refuse(caller, type, SeesError.NOT_REGISTERED, contentId, cookie, null));
        if (!binding.belongsTo(caller.user())) {
            throw refuse(caller, type, SeesError.COOKIE_OF_ANOTHER_USER, contentId, cookie, null);
        }
        Instant now = Instant.now();
        if (binding.isExpired(now)) {
            throw refuse(caller, type, SeesError.COOKIE_EXPIRED, contentId, cookie, null);
        }
        if (binding.isEnded()) {
            throw refuse(caller, type, SeesError.DEVICE_REMOVED, contentId, cookie, binding.deviceId().orElse(null));
        }
        DeviceId device;
        Admission admission;
        // A concurrent request for the same cookie or user surfaces here (row lock, version, unique
        // device), before a token is asked for; Entitlements retries in a fresh transaction.
        try {
            device = binding.deviceId().orElseGet(() -> resolve(caller, binding, contentId, now));
            admission = roster.admit(caller.user(), device, contentId, now);
            bindings.flush();
        } catch (PersistenceException e) {
            throw new ConcurrentDecisionException(e);
        }
        if (admission.counted()) {
            detail.put("activeDevices", admission.activeDevices()).put("limit", admission.limit());
        }
        detail.put("newDevice", admission.newDevice());
        if (admission.outcome() == Admission.Outcome.REVOKED) {
            throw refuse(caller, type, SeesError.DEVICE_REVOKED, SeesError.DEVICE_REVOKED.text(), contentId, cookie,
                    device, detail);
        }
        if (admission.outcome() == Admission.Outcome.LIMIT_REACHED) {
            throw refuse(caller, type, SeesError.DEVICE_LIMIT_REACHED, "Your " + admission.limit()
                    + " device slots are all in use. " + SeesError.DEVICE_LIMIT_REACHED.text(), contentId, cookie,
                    device, detail);
        }

        Instant expiry = content.tokenExpiry(now);
        TokenUrl url = requestToken(caller, type, contentId, cookie, device, detail,
                TokenRequest.deviceBound(catalog.keyMaterial(content), expiry, content.rentalDuration(), cookie, device));
        audit.record(granted(caller, type, now).content(contentId).cookie(cookie).device(device)
                .token(url.value(), expiry).detail(withWindow(detail, content)).build());
        return new Grant(url, Optional.empty());
    }

    /** The title, unless unknown or retired. */
    private Content available(Caller caller, AuditType type, ContentId contentId) {
        Content content = catalog.find(contentId).orElseThrow(() ->
                refuse(caller, type, SeesError.UNKNOWN_CONTENT, contentId, null, null));
        if (content.isRetired()) {
            throw refuse(caller, type, SeesError.CONTENT_RETIRED, contentId, null, null);
        }
        return content;
    }

    /** Checks the title's required group; the answer's detail names the policy version and the check. */
    private AuditDetail entitledBy(Caller caller, AuditType type, Content content) {
        ContentPolicy policy = content.policy();
        AuditDetail detail = AuditDetail.of().put("policyVersion", content.policyVersion())
                .put("requiredGroup", policy.requiredGroup().orElse(null));
        if (!policy.admits(caller.groups())) {
            throw refuse(caller, type, SeesError.GROUP_REQUIRED, SeesError.GROUP_REQUIRED.text(), content.id(), null,
                    null, detail.put("groupCheck", "failed"));
        }
        return detail.put("groupCheck", policy.requiredGroup().isPresent() ? "passed" : "none");
    }

    private static AuditDetail withWindow(AuditDetail detail, Content content) {
        return detail.put("tokenLifetime", content.tokenLifetime()).put("rentalDuration", content.rentalDuration());
    }

    private DeviceId resolve(Caller caller, DeviceBinding binding, ContentId contentId, Instant now) {
        Cookie cookie = binding.cookie();
        Optional<DeviceId> found;
        try {
            found = expressPlay.deviceOf(cookie);
        } catch (ExpressPlayException e) {
            throw refuseForExpressPlay(caller, AuditType.DEVICE_RESOLUTION, e, contentId, cookie, null);
        }
        DeviceId device = found.orElseThrow(() ->
                refuse(caller, AuditType.DEVICE_RESOLUTION, SeesError.DEVICE_NOT_REDEEMED, contentId, cookie, null));
        binding.resolve(device, now);
        audit.record(granted(caller, AuditType.DEVICE_RESOLUTION, now).content(contentId).cookie(cookie)
                .device(device).build());
        return device;
    }

    private TokenUrl requestToken(Caller caller, AuditType type, ContentId contentId, Cookie cookie, DeviceId device,
                                  AuditDetail detail, TokenRequest request) {
        try {
            return expressPlay.requestToken(request);
        } catch (ExpressPlayException e) {
            throw refuseForExpressPlay(caller, type, e, contentId, cookie, device, detail);
        }
    }

    private EntitlementRefusedException refuseForExpressPlay(Caller caller, AuditType type, ExpressPlayException e,
                                                             ContentId contentId, Cookie cookie, DeviceId device) {
        return refuseForExpressPlay(caller, type, e, contentId, cookie, device, null);
    }

    private EntitlementRefusedException refuseForExpressPlay(Caller caller, AuditType type, ExpressPlayException e,
                                                             ContentId contentId, Cookie cookie, DeviceId device,
                                                             AuditDetail detail) {
        if (e instanceof ExpressPlayRefusedException refused) {
            LOG.warning(() -> "ExpressPlay refused a " + type + " request with code " + refused.errorCode());
            SeesError error = refused.isDeviceBindingUnsupported()
                    ? SeesError.DEVICE_BINDING_UNSUPPORTED : SeesError.EXPRESSPLAY_REFUSED;
            String text = error == SeesError.EXPRESSPLAY_REFUSED
                    ? error.text() + " (ExpressPlay error " + refused.errorCode() + ": " + refused.getMessage() + ")"
                    : error.text();
            return refuse(caller, type, error, text, contentId, cookie, device, detail);
        }
        LOG.log(Level.WARNING, "ExpressPlay unavailable for a " + type + " request: " + e.getMessage(), e.getCause());
        return refuse(caller, type, SeesError.EXPRESSPLAY_UNAVAILABLE, SeesError.EXPRESSPLAY_UNAVAILABLE.text(),
                contentId, cookie, device, detail);
    }

    private EntitlementRefusedException refuse(Caller caller, AuditType type, SeesError error, ContentId contentId,
                                               Cookie cookie, DeviceId device) {
        return refuse(caller, type, error, error.text(), contentId, cookie, device, null);
    }

    private EntitlementRefusedException refuse(Caller caller, AuditType type, SeesError error, String text,
                                               ContentId contentId, Cookie cookie, DeviceId device, AuditDetail detail) {
        audit.recordRefusal(AuditEvent.refused(type, error.name(), Instant.now())
                .user(caller.user()).content(contentId).cookie(cookie).device(device)
                .request(caller.requestId(), caller.clientAddress())
                .detail(detail)
                .build());
        return new EntitlementRefusedException(error, caller.requestId(), text);
    }

    private static AuditEvent.Builder granted(Caller caller, AuditType type, Instant now) {
        return AuditEvent.granted(type, now).user(caller.user()).request(caller.requestId(), caller.clientAddress());
    }
}
