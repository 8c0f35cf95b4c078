package dev.tether.entitlement;

import dev.tether.audit.CollectingAuditTrail;
import dev.tether.audit.Decision;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.Content;
import dev.tether.content.ContentCatalog;
import dev.tether.content.ContentId;
import dev.tether.content.KeyMaterial;
import dev.tether.expressplay.CookieRedemptions;
import dev.tether.expressplay.ExpressPlayGateway;
import dev.tether.expressplay.ExpressPlayRefusedException;
import dev.tether.expressplay.ExpressPlayUnavailableException;
import dev.tether.expressplay.TokenRequest;
import dev.tether.expressplay.TokenUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The hand-written stand-ins the entitlement decision tables wire into the use cases. */
final class Fakes {

    private Fakes() {}

    /** A catalog over a map, whose key material is fixed: no master key is needed to open it. */
    static final class Catalog extends ContentCatalog {

        private final Map<ContentId, Content> contents = new HashMap<>();

        Content given(Content content) {
            contents.put(content.id(), content);
            return content;
        }

        @Override
        public Optional<Content> find(ContentId id) {
            return Optional.ofNullable(contents.get(id));
        }

        @Override
        public Optional<Content> registrationContent() {
            return contents.values().stream()
                    .filter(c -> c.isRegistration() && !c.isRetired())
                    .findFirst();
        }

        @Override
        public KeyMaterial keyMaterial(Content content) {
            return new KeyMaterial("00112233445566778899aabbccddeeff", "ffeeddccbbaa99887766554433221100");
        }
    }

    /**
     * The steps with {@code @Transactional} played by hand: the audit events a step recorded are
     * kept if it returns and dropped if it throws, as its transaction commits or rolls back.
     */
    static final class TransactionalSteps extends EntitlementSteps {

        private final CollectingAuditTrail trail;

        TransactionalSteps(CollectingAuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public BoundOrder deviceBound(
                Decision decision, Caller caller, ContentId contentId, Optional<String> cookieText, Instant now) {
            return inTransaction(() -> super.deviceBound(decision, caller, contentId, cookieText, now));
        }

        @Override
        public TokenOrder admit(Decision decision, Caller caller, BoundOrder order, DeviceId resolved, Instant now) {
            return inTransaction(() -> super.admit(decision, caller, order, resolved, now));
        }

        @Override
        public TokenOrder register(
                Decision decision, Caller caller, ContentId requested, Optional<String> clientCookie, Instant now) {
            return inTransaction(() -> super.register(decision, caller, requested, clientCookie, now));
        }

        @Override
        public TokenOrder timeBased(Decision decision, Caller caller, ContentId contentId, Instant now) {
            return inTransaction(() -> super.timeBased(decision, caller, contentId, now));
        }

        private <T> T inTransaction(Supplier<T> step) {
            trail.begin();
            try {
                T result = step.get();
                trail.committed();
                return result;
            } catch (RuntimeException e) {
                trail.rolledBack();
                throw e;
            }
        }
    }

    /** What ExpressPlay answers a token request with. */
    enum TokenAnswer {
        ISSUED,
        UNAVAILABLE,
        BINDING_UNSUPPORTED
    }

    /** ExpressPlay as a table: which cookie a device redeemed, which lookups fail, how tokens go. */
    static final class ExpressPlay extends ExpressPlayGateway {

        final Map<Cookie, DeviceId> redeemed = new HashMap<>();
        /** Cookies whose registration token the visible history shows redeemed on two devices. */
        final Set<Cookie> redeemedTwice = new HashSet<>();

        final Set<Cookie> recordsUnavailable = new HashSet<>();
        final List<Cookie> lookups = new ArrayList<>();
        final List<TokenRequest> tokenRequests = new ArrayList<>();
        TokenAnswer tokenAnswer = TokenAnswer.ISSUED;

        @Override
        public CookieRedemptions deviceOf(Cookie cookie) {
            lookups.add(cookie);
            if (recordsUnavailable.contains(cookie)) {
                throw new ExpressPlayUnavailableException("record retrieval timed out");
            }
            if (redeemedTwice.contains(cookie)) {
                return CookieRedemptions.by(new DeviceId("first-device"), new DeviceId("second-device"));
            }
            DeviceId device = redeemed.get(cookie);
            return device == null ? CookieRedemptions.none() : CookieRedemptions.by(device);
        }

        @Override
        public TokenUrl requestToken(TokenRequest request) {
            tokenRequests.add(request);
            return switch (tokenAnswer) {
                case ISSUED -> new TokenUrl("https://fp.service.expressplay.test/token/" + tokenRequests.size());
                case UNAVAILABLE -> throw new ExpressPlayUnavailableException("token API timed out");
                case BINDING_UNSUPPORTED -> throw new ExpressPlayRefusedException(-6008, "device binding unsupported");
            };
        }
    }
}
