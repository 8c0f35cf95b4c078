package dev.tether.it;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.expressplay.CookieRedemptions;
import dev.tether.expressplay.ExpressPlayGateway;
import dev.tether.expressplay.TokenRequest;
import dev.tether.expressplay.TokenUrl;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

/**
 * ExpressPlay for {@link RefusalAuditedIT}: every cookie has been redeemed by one device and every
 * token is issued, so that the use case gets as far as admission without a player or a simulator.
 * Selected for the whole deployment it is added to, and only there.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RedeemedExpressPlay extends ExpressPlayGateway {

    static final DeviceId DEVICE = new DeviceId("in-container-device");

    @Override
    public TokenUrl requestToken(TokenRequest request) {
        return new TokenUrl("https://fp.service.expressplay.test/token/in-container");
    }

    @Override
    public CookieRedemptions deviceOf(Cookie cookie) {
        return CookieRedemptions.by(DEVICE);
    }
}
