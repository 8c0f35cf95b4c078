package dev.tether.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's OpenID Connect client: where the browser signs in (authorization endpoint), where
 * it exchanges the code (token endpoint), its public client id and scope, and optionally where it
 * ends the IdP's session on sign-out. The endpoints have defaults only under {@code %dev} (the
 * development SSO): without them the console says it is not configured, and nothing else changes.
 */
@ApplicationScoped
public class ConsoleSettings {

    @Inject
    @ConfigProperty(name = "tether.console.authorize-url")
    Optional<String> authorizeUrl;

    @Inject
    @ConfigProperty(name = "tether.console.token-url")
    Optional<String> tokenUrl;

    @Inject
    @ConfigProperty(name = "tether.console.logout-url")
    Optional<String> logoutUrl;

    @Inject
    @ConfigProperty(name = "tether.console.client-id", defaultValue = "tether-console")
    String clientId;

    @Inject
    @ConfigProperty(name = "tether.console.scope", defaultValue = "openid")
    String scope;

    ConsoleConfig config() {
        if (authorizeUrl.isEmpty() || tokenUrl.isEmpty()) {
            return new ConsoleConfig(false, null, null, null, clientId, scope);
        }
        return new ConsoleConfig(true, authorizeUrl.get(), tokenUrl.get(), logoutUrl.orElse(null), clientId, scope);
    }

    /** The token endpoint's origin, which the page's Content-Security-Policy lets it connect to. */
    Optional<String> tokenOrigin() {
        return tokenUrl.map(URI::create)
                .filter(u -> u.getScheme() != null && u.getHost() != null)
                .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
    }
}
