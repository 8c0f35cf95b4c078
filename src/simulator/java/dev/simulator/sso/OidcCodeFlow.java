package dev.simulator.sso;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.simulator.http.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A minimal OpenID Connect authorization code flow with PKCE (RFC 7636, S256 only) for browser
 * clients such as the audit console: {@code GET authorize} shows a login form that names the user
 * and groups (no password: this is the development SSO), {@code POST authorize} redirects back with
 * a one-time code, and {@code POST token} exchanges the code and its verifier for the same access
 * token {@code /sso/token} signs, plus an ID token.
 */
@Path("/sso/oidc")
@RequestScoped
public class OidcCodeFlow {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,512}");

    @Inject
    SsoKey keys;

    @Inject
    AuthorizationCodes codes;

    @Inject
    SsoTokens tokens;

    /** Where a client may be sent back to: an exact match, as OAuth 2.0 Security BCP asks. */
    @Inject
    @ConfigProperty(
            name = "simulator.sso.redirect-uris",
            defaultValue = "http://localhost:9080/tether/console/,http://localhost:8080/tether/console/")
    List<String> redirectUris;

    /** The login form for an authorization request; a request it cannot honour is a 400 page. */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(
            @QueryParam("response_type") String responseType,
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state,
            @QueryParam("nonce") String nonce,
            @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String method) {
        Optional<String> wrong = checkRequest(responseType, clientId, redirectUri, state, nonce, challenge, method);
        if (wrong.isPresent()) {
            return page(400, "<h1>Sign-in refused</h1><p>" + html(wrong.get()) + "</p>");
        }
        String hidden = hidden("client_id", clientId)
                + hidden("redirect_uri", redirectUri)
                + hidden("state", state)
                + hidden("nonce", nonce)
                + hidden("code_challenge", challenge);
        return page(
                200,
                "<h1>Development SSO</h1>"
                        + "<p>Signing in to <strong>" + html(clientId) + "</strong>. No password: name the user"
                        + " and the groups (roles) its token should carry.</p>"
                        + "<form method=\"post\" action=\"authorize\">" + hidden
                        + "<p><label for=\"user\">User</label><br>"
                        + "<input id=\"user\" name=\"user\" required maxlength=\"255\" autocomplete=\"username\"></p>"
                        + "<p><label for=\"groups\">Groups (comma-separated: subscriber, auditor, admin)</label><br>"
                        + "<input id=\"groups\" name=\"groups\" value=\"auditor\"></p>"
                        + "<p><button id=\"submit\" type=\"submit\">Sign in</button></p></form>");
    }

    /** The login form's submission: back to the client with a one-time code and its state. */
    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(
            @FormParam("user") String user,
            @FormParam("groups") String groups,
            @FormParam("client_id") String clientId,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state,
            @FormParam("nonce") String nonce,
            @FormParam("code_challenge") String challenge) {
        Optional<String> wrong = checkRequest("code", clientId, redirectUri, state, nonce, challenge, "S256");
        if (wrong.isPresent()) {
            return page(400, "<h1>Sign-in refused</h1><p>" + html(wrong.get()) + "</p>");
        }
        if (user == null || user.isBlank() || user.length() > DevelopmentSso.MAX_USER_LENGTH) {
            return page(400, "<h1>Sign-in refused</h1><p>Name a user of 1 to 255 characters.</p>");
        }
        Optional<List<String>> groupList = SsoTokens.groups(groups);
        if (groupList.isEmpty()) {
            return page(400, "<h1>Sign-in refused</h1><p>Groups are comma-separated role names.</p>");
        }
        String code = codes.issue(new AuthorizationCodes.Grant(
                user.strip(),
                groupList.get(),
                clientId,
                redirectUri,
                challenge,
                nonce,
                UUID.randomUUID().toString(),
                Instant.now().plus(AuthorizationCodes.LIFETIME)));
        UriBuilder back = UriBuilder.fromUri(redirectUri).queryParam("code", code);
        if (state != null) {
            back.queryParam("state", state);
        }
        return Response.seeOther(back.build()).build();
    }

    /**
     * The token endpoint of the code flow: {@code grant_type=authorization_code}, the code, the
     * redirect URI and client id it was issued for, and the PKCE verifier whose SHA-256 is the
     * challenge. Any mismatch is {@code invalid_grant} (RFC 6749 section 5.2), and the code is spent.
     */
    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("client_id") String clientId,
            @FormParam("code_verifier") String verifier) {
        if (!"authorization_code".equals(grantType)) {
            return oauthError("unsupported_grant_type", "Only authorization_code is served here.");
        }
        Optional<AuthorizationCodes.Grant> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            return oauthError("invalid_grant", "The code is unknown, expired or already used.");
        }
        AuthorizationCodes.Grant grant = redeemed.get();
        if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(redirectUri)) {
            return oauthError("invalid_grant", "The code was issued to another client or redirect URI.");
        }
        if (verifier == null
                || !VERIFIER.matcher(verifier).matches()
                || !grant.codeChallenge().equals(s256(verifier))) {
            return oauthError("invalid_grant", "The code_verifier does not match the code_challenge (S256).");
        }
        Instant now = Instant.now();
        Instant expires = now.plus(tokens.lifetime());
        JWTClaimsSet access = tokens.access(grant.user(), grant.groups(), grant.sid(), now, expires)
                .build();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .issuer(tokens.issuer())
                .audience(clientId)
                .subject(grant.user())
                .claim("groups", grant.groups())
                .claim("sid", grant.sid())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires));
        if (grant.nonce() != null) {
            id.claim("nonce", grant.nonce());
        }
        String body = Jsonp.provider()
                .createObjectBuilder()
                .add("access_token", keys.sign(access, JOSEObjectType.JWT))
                .add("id_token", keys.sign(id.build(), JOSEObjectType.JWT))
                .add("token_type", "Bearer")
                .add("expires_in", tokens.lifetime().toSeconds())
                .build()
                .toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Optional<String> checkRequest(
            String responseType,
            String clientId,
            String redirectUri,
            String state,
            String nonce,
            String challenge,
            String method) {
        if (!"code".equals(responseType)) {
            return Optional.of("response_type must be code.");
        }
        if (clientId == null || !PRINTABLE.matcher(clientId).matches()) {
            return Optional.of("client_id is required.");
        }
        if (redirectUri == null || !redirectUris.contains(redirectUri)) {
            return Optional.of("redirect_uri is not one this SSO may send a code to (simulator.sso.redirect-uris).");
        }
        if (!"S256".equals(method)
                || challenge == null
                || !CHALLENGE.matcher(challenge).matches()) {
            return Optional.of("PKCE is required: code_challenge_method=S256 and a code_challenge.");
        }
        if ((state != null && !PRINTABLE.matcher(state).matches())
                || (nonce != null && !PRINTABLE.matcher(nonce).matches())) {
            return Optional.of("state and nonce are printable ASCII of at most 512 characters.");
        }
        return Optional.empty();
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static Response oauthError(String error, String description) {
        String body = Jsonp.provider()
                .createObjectBuilder()
                .add("error", error)
                .add("error_description", description)
                .build()
                .toString();
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body)
                .build();
    }

    private static Response page(int status, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Development SSO</title>"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#111}"
                + "input{font:inherit;padding:.3rem;width:100%}button{font:inherit;padding:.4rem 1.2rem}</style>"
                + "</head><body><main>" + body + "</main></body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .entity(html)
                .build();
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + html(value) + "\">";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
