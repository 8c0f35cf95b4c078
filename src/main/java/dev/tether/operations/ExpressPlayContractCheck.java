package dev.tether.operations;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.Content;
import dev.tether.content.ContentCatalog;
import dev.tether.content.KeyMaterial;
import dev.tether.expressplay.CookieRedemptions;
import dev.tether.expressplay.ExpressPlayException;
import dev.tether.expressplay.ExpressPlayGateway;
import dev.tether.expressplay.ExpressPlayMisconfiguredException;
import dev.tether.expressplay.ExpressPlayRefusedException;
import dev.tether.expressplay.TokenRequest;
import dev.tether.expressplay.TokenUrl;
import dev.tether.platform.Profiles;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's check of ExpressPlay's contract: one token request for the registration content
 * (with a fresh cookie and a device restriction for a made-up device) and one record lookup for
 * that cookie, against whatever ExpressPlay is configured, reported without secrets. It spends one
 * token of the ExpressPlay account, and is audited like every admin step. It passes when the token
 * is issued as an https URL (plain http only under the dev profile, whose simulator answers on
 * http) and the lookup answers, readably, that no device redeemed the fresh cookie. No transaction is held
 * while ExpressPlay is asked.
 */
@ApplicationScoped
@RecordsRefusals
public class ExpressPlayContractCheck {

    static final Duration TOKEN_WINDOW = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ContentCatalog catalog;

    @Inject
    ExpressPlayGateway expressPlay;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Inject
    ExpressPlayContractCheck self;

    @Inject
    @ConfigProperty(name = Profiles.KEY)
    Optional<String> profile;

    public ContractReport run(UserId admin) {
        Instant now = Instant.now();
        Decision decision =
                decisions.open(AuditType.EXPRESSPLAY_CHECKED).user(admin).actor(admin);
        KeyMaterial key = self.registrationKey();
        Cookie cookie = new Cookie("check-" + hex(8));
        DeviceId device = new DeviceId(hex(20));
        TokenRequest request = TokenRequest.deviceBound(key, now.plus(TOKEN_WINDOW), Duration.ZERO, cookie, device);

        ContractReport.TokenCheck token;
        Optional<TokenUrl> issued = Optional.empty();
        try {
            TokenUrl url = expressPlay.requestToken(request);
            issued = Optional.of(url);
            URI uri = URI.create(url.value());
            token = new ContractReport.TokenCheck(
                    "issued", null, null, "https".equals(uri.getScheme()), uri.getHost(), echoes(url, device));
        } catch (ExpressPlayException e) {
            token = failedToken(e);
        }

        ContractReport.RecordCheck records;
        try {
            CookieRedemptions found = expressPlay.deviceOf(cookie);
            records = new ContractReport.RecordCheck(
                    "answered", null, null, found.format(), !found.devices().isEmpty() || found.unreadable() > 0);
        } catch (ExpressPlayException e) {
            records = failedRecords(e);
        }

        boolean passed = "issued".equals(token.outcome())
                && (Boolean.TRUE.equals(token.https()) || Profiles.isDev(profile))
                && "answered".equals(records.outcome())
                && Boolean.FALSE.equals(records.deviceFound());
        decision.detail()
                .put("passed", passed)
                .put("tokenOutcome", token.outcome())
                .put("tokenHost", token.host())
                .put("recordsOutcome", records.outcome())
                .put("recordsFormat", records.format());
        var event = decision.granted(now);
        issued.ifPresent(url -> event.token(url.value(), now.plus(TOKEN_WINDOW)));
        audit.commit(event.build());
        return new ContractReport(now, passed, token, records);
    }

    /** The registration content's key, read in a transaction of its own, before ExpressPlay is asked. */
    @Transactional
    public KeyMaterial registrationKey() {
        Content content = catalog.registrationContent()
                .orElseThrow(() -> new RefusedException(
                        OperationsRefusal.NO_REGISTRATION_CONTENT,
                        "The catalog has no registration content to ask ExpressPlay a token for."));
        return catalog.keyMaterial(content);
    }

    private static ContractReport.TokenCheck failedToken(ExpressPlayException e) {
        if (e instanceof ExpressPlayMisconfiguredException m) {
            return new ContractReport.TokenCheck(
                    "misconfigured", m.errorCode(), m.expressPlayMessage(), null, null, null);
        }
        if (e instanceof ExpressPlayRefusedException r) {
            return new ContractReport.TokenCheck("refused", r.errorCode(), r.expressPlayMessage(), null, null, null);
        }
        return new ContractReport.TokenCheck("unavailable", null, e.getMessage(), null, null, null);
    }

    private static ContractReport.RecordCheck failedRecords(ExpressPlayException e) {
        if (e instanceof ExpressPlayMisconfiguredException m) {
            return new ContractReport.RecordCheck("misconfigured", m.errorCode(), m.expressPlayMessage(), null, null);
        }
        if (e instanceof ExpressPlayRefusedException r) {
            return new ContractReport.RecordCheck("refused", r.errorCode(), r.expressPlayMessage(), null, null);
        }
        return new ContractReport.RecordCheck("unavailable", null, e.getMessage(), null, null);
    }

    /**
     * Whether the device id can be read back from the token: from a JWS-shaped token (as the
     * simulator's is) by decoding its segments. ExpressPlay's real tokens are opaque, so false there
     * says only that the restriction cannot be seen, not that it is missing.
     */
    static boolean echoes(TokenUrl url, DeviceId device) {
        String query = URI.create(url.value()).getRawQuery();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("ExpressPlayToken=")) {
                for (String segment :
                        pair.substring("ExpressPlayToken=".length()).split("\\.")) {
                    try {
                        String decoded = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
                        if (decoded.contains(device.value())) {
                            return true;
                        }
                    } catch (IllegalArgumentException notBase64url) {
                        // A segment that is not base64url cannot carry a readable device id; try the next.
                        continue;
                    }
                }
            }
        }
        return false;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
