package dev.simulator.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The claims of the development SSO's access tokens, one shape for both ways it hands them out
 * ({@code /sso/token} and the code flow's {@code /sso/oidc/token}), so a verifier sees the same
 * token whichever way a client signed in.
 */
@ApplicationScoped
public class SsoTokens {

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    @ConfigProperty(name = "simulator.sso.issuer", defaultValue = "https://sso.tether.dev")
    String issuer;

    @Inject
    @ConfigProperty(name = "simulator.sso.audiences", defaultValue = "tether")
    List<String> audiences;

    @Inject
    @ConfigProperty(name = "simulator.sso.token-lifetime", defaultValue = "PT1H")
    Duration lifetime;

    public String issuer() {
        return issuer;
    }

    public List<String> audiences() {
        return audiences;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * A comma-separated list of role names as a list, or empty when any is not a role name
     * (letters, digits, '.', '_', '-'; at most 64).
     */
    public static Optional<List<String>> groups(String commaSeparated) {
        List<String> groups = commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.stream(commaSeparated.split(","))
                        .map(String::strip)
                        .filter(g -> !g.isEmpty())
                        .toList();
        return groups.stream().allMatch(g -> GROUP.matcher(g).matches()) ? Optional.of(groups) : Optional.empty();
    }

    /**
     * An access token's claims for {@code user} with {@code groups}, valid from {@code issuedAt}
     * until {@code expiresAt}; {@code sid} is left out when null.
     */
    public JWTClaimsSet.Builder access(
            String user, List<String> groups, String sid, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audiences)
                .subject(user)
                .claim("upn", user)
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        if (sid != null) {
            claims.claim("sid", sid);
        }
        return claims;
    }
}
