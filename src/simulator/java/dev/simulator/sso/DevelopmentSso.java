package dev.simulator.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
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
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A development identity provider, so the flow can be tried without a company SSO: it signs
 * bearer tokens for any user and groups with a key made at start-up, and publishes the public key
 * as a JWKS (and as PEM) for the verifier of whichever service trusts it. Its tokens carry a
 * session id ({@code sid}) when asked, and it can end such a session through back-channel logout.
 */
@Path("/sso")
@RequestScoped
public class DevelopmentSso {

    private static final Duration MAX_LIFETIME = Duration.ofDays(1);
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** As long as the longest user id Tether accepts. */
    static final int MAX_USER_LENGTH = 255;

    @Inject
    SsoKey keys;

    @Inject
    SsoTokens tokens;

    @Inject
    @ConfigProperty(
            name = "simulator.sso.backchannel-logout-url",
            defaultValue = "http://localhost:9080/tether/oidc/backchannel-logout")
    String backChannelLogoutUrl;

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
            @FormParam("expiresIn") Long expiresIn,
            @FormParam("sid") String sid) {
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH) {
            throw ProblemException.badRequest(
                    "bad-user", "Form parameter 'user' is required, 1 to " + MAX_USER_LENGTH + " characters.");
        }
        List<String> groupList = SsoTokens.groups(groups)
                .orElseThrow(() ->
                        ProblemException.badRequest("bad-groups", "'groups' is a comma-separated list of role names."));
        if (expiresIn != null && Math.abs(expiresIn) > MAX_LIFETIME.toSeconds()) {
            throw ProblemException.badRequest("bad-expiry", "'expiresIn' is at most a day either way.");
        }
        if (sid != null && !SESSION.matcher(sid).matches()) {
            throw ProblemException.badRequest("bad-sid", "'sid' is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        Duration validity = expiresIn == null ? tokens.lifetime() : Duration.ofSeconds(expiresIn);
        Instant now = Instant.now();
        Instant issuedAt = validity.isNegative() ? now.plus(validity).minusSeconds(60) : now;
        JWTClaimsSet.Builder claims = tokens.access(user, groupList, sid, issuedAt, now.plus(validity));
        if (issuerOverride != null) {
            claims.issuer(issuerOverride);
        }
        if (audienceOverride != null) {
            claims.audience(audienceOverride);
        }
        String body = Jsonp.provider()
                .createObjectBuilder()
                .add("access_token", signed(claims.build(), JOSEObjectType.JWT))
                .add("token_type", "Bearer")
                .add("expires_in", validity.toSeconds())
                .build()
                .toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * A back-channel logout token (OpenID Connect Back-Channel Logout 1.0) for the session
     * {@code sid} and/or the user {@code user}, returned rather than sent. For trying the
     * relying party's checks, {@code audience}, {@code nonce}, {@code event} (another event URI),
     * {@code jti} and {@code issuedAgo} (seconds) shape it as an IdP should not.
     */
    @POST
    @Path("logout-token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String logoutToken(
            @FormParam("user") String user,
            @FormParam("sid") String sid,
            @FormParam("audience") String audienceOverride,
            @FormParam("nonce") String nonce,
            @FormParam("event") String event,
            @FormParam("jti") String jti,
            @FormParam("issuedAgo") Long issuedAgo) {
        String token = logoutTokenFor(user, sid, audienceOverride, nonce, event, jti, issuedAgo);
        return Jsonp.provider()
                .createObjectBuilder()
                .add("logout_token", token)
                .build()
                .toString();
    }

    /**
     * Logs the session {@code sid} (or, without one, every session of {@code user}) out: sends a
     * logout token to the relying party's back-channel logout endpoint
     * ({@code simulator.sso.backchannel-logout-url}) as an IdP does, and answers with its status.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String logout(@FormParam("user") String user, @FormParam("sid") String sid) {
        String token = logoutTokenFor(user, sid, null, null, null, null, null);
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(backChannelLogoutUrl))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED)
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ProblemException.badRequest(
                    "relying-party-unreachable", "The back-channel logout endpoint did not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a logout token", e);
        }
        return Jsonp.provider()
                .createObjectBuilder()
                .add("status", answer.statusCode())
                .add("body", answer.body())
                .build()
                .toString();
    }

    private String logoutTokenFor(
            String user, String sid, String audienceOverride, String nonce, String event, String jti, Long issuedAgo) {
        boolean noUser = user == null || user.isBlank();
        if (noUser && (sid == null || sid.isBlank())) {
            throw ProblemException.badRequest("bad-session", "Name the session ('sid') or the user ('user').");
        }
        if (!noUser && user.length() > MAX_USER_LENGTH) {
            throw ProblemException.badRequest("bad-user", "'user' is 1 to " + MAX_USER_LENGTH + " characters.");
        }
        if (sid != null && !SESSION.matcher(sid).matches()) {
            throw ProblemException.badRequest("bad-sid", "'sid' is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (issuedAgo != null && Math.abs(issuedAgo) > MAX_LIFETIME.toSeconds()) {
            throw ProblemException.badRequest("bad-expiry", "'issuedAgo' is at most a day either way.");
        }
        Instant issued = Instant.now().minusSeconds(issuedAgo == null ? 0 : issuedAgo);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokens.issuer())
                .audience(audienceOverride == null ? tokens.audiences() : List.of(audienceOverride))
                .jwtID(jti == null ? UUID.randomUUID().toString() : jti)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(2))))
                .claim("events", Map.of(event == null ? LOGOUT_EVENT : event, Map.of()));
        if (!noUser) {
            claims.subject(user);
        }
        if (sid != null) {
            claims.claim("sid", sid);
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return signed(claims.build(), new JOSEObjectType("logout+jwt"));
    }

    private String signed(JWTClaimsSet claims, JOSEObjectType type) {
        return keys.sign(claims, type);
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
