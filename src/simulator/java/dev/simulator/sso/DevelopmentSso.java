package dev.simulator.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.simulator.http.Jsonp;
import dev.simulator.http.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A development identity provider, so the flow can be tried without a company SSO: it signs
 * bearer tokens for any user and groups with a key made at start-up, and publishes the public key
 * as a JWKS (and as PEM) for the verifier of whichever service trusts it.
 */
@Path("/sso")
@RequestScoped
public class DevelopmentSso {

    private static final Duration MAX_LIFETIME = Duration.ofDays(1);
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** As long as the longest user id Tether accepts. */
    static final int MAX_USER_LENGTH = 255;

    @Inject
    SsoKey keys;

    @Inject
    @ConfigProperty(name = "simulator.sso.issuer", defaultValue = "https://sso.tether.dev")
    String issuer;

    @Inject
    @ConfigProperty(name = "simulator.sso.audiences", defaultValue = "tether")
    List<String> audiences;

    @Inject
    @ConfigProperty(name = "simulator.sso.token-lifetime", defaultValue = "PT1H")
    Duration lifetime;

    /**
     * A signed token for {@code user} with {@code groups} (comma-separated roles). For trying
     * Tether's checks, {@code issuer}, {@code audience} and {@code expiresIn} (seconds, negative
     * for a token that has already expired) override the configured claims.
     */
    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @FormParam("user") String user,
            @FormParam("groups") String groups,
            @FormParam("issuer") String issuerOverride,
            @FormParam("audience") String audienceOverride,
            @FormParam("expiresIn") Long expiresIn) {
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH) {
            throw ProblemException.badRequest(
                    "bad-user", "Form parameter 'user' is required, 1 to " + MAX_USER_LENGTH + " characters.");
        }
        List<String> groupList = groups == null || groups.isBlank()
                ? List.of()
                : Arrays.stream(groups.split(","))
                        .map(String::strip)
                        .filter(g -> !g.isEmpty())
                        .toList();
        if (!groupList.stream().allMatch(g -> GROUP.matcher(g).matches())) {
            throw ProblemException.badRequest("bad-groups", "'groups' is a comma-separated list of role names.");
        }
        if (expiresIn != null && Math.abs(expiresIn) > MAX_LIFETIME.toSeconds()) {
            throw ProblemException.badRequest("bad-expiry", "'expiresIn' is at most a day either way.");
        }
        Duration validity = expiresIn == null ? lifetime : Duration.ofSeconds(expiresIn);
        Instant now = Instant.now();
        Instant issuedAt = validity.isNegative() ? now.plus(validity).minusSeconds(60) : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerOverride == null ? issuer : issuerOverride)
                .audience(audienceOverride == null ? audiences : List.of(audienceOverride))
                .subject(user)
                .claim("upn", user)
                .claim("groups", groupList)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(now.plus(validity)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(keys.key().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(keys.key()));
            String body = Jsonp.provider()
                    .createObjectBuilder()
                    .add("access_token", jwt.serialize())
                    .add("token_type", "Bearer")
                    .add("expires_in", validity.toSeconds())
                    .build()
                    .toString();
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The public key, as the JWKS that a verifier's {@code mp.jwt.verify.publickey.location} points at. */
    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return new JWKSet(keys.key().toPublicJWK()).toString();
    }

    /**
     * The same public key as PEM. A verifier that reads a PEM key checks every token against it,
     * so a token signed by a stranger's key fails its signature check (401); WildFly's JWT
     * verifier answers 500 instead when a token names a key id that the JWKS lacks.
     */
    @GET
    @Path("public-key.pem")
    @Produces(MediaType.TEXT_PLAIN)
    public String publicKeyPem() throws JOSEException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.key().toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
