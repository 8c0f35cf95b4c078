package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in over HTTP, without a browser: Tether's console files and settings, and the
 * development SSO's authorization code flow with PKCE, whose access token Tether accepts with the
 * groups named in the login form. Every refusal of the code's exchange is invalid_grant and spends
 * the code.
 */
class ConsoleSignInIT extends TetherIT {

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)&state=([^&]+)$");

    private String verifier;
    private String challenge;

    /**
     * The console's address as simulator.sso.redirect-uris lists it (localhost): the test never
     * follows the redirect, and WildFly's Arquillian gives the deployment as 127.0.0.1.
     */
    private String redirectUri() {
        return "http://localhost:" + base.getPort() + base.getPath() + "console/";
    }

    private void newVerifier() throws Exception {
        verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private HttpResponse<String> form(String path, String body) {
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The login form's submission for {@code user}: the code from the redirect back to the console. */
    private String code(String user, String groups) {
        HttpResponse<String> answer = form(
                "/simulator/sso/oidc/authorize",
                "user=" + Http.enc(user) + "&groups=" + Http.enc(groups) + "&client_id=tether-console&redirect_uri="
                        + Http.enc(redirectUri()) + "&state=s-1&nonce=n-1&code_challenge=" + challenge);
        assertEquals(303, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri()), location);
        Matcher m = CODE.matcher(location);
        assertTrue(m.find(), location);
        assertEquals("s-1", m.group(2));
        return m.group(1);
    }

    private HttpResponse<String> exchange(String code, String withVerifier) {
        return form(
                "/simulator/sso/oidc/token",
                "grant_type=authorization_code&code=" + code + "&client_id=tether-console&redirect_uri="
                        + Http.enc(redirectUri()) + "&code_verifier=" + withVerifier);
    }

    @Test
    void theConsolesPageFilesAndSettingsNeedNoToken() {
        HttpResponse<String> page = http.get("/console/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Tether audit console"));
        assertTrue(page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("script-src 'self'"));
        assertEquals(301, http.get("/console", null).statusCode());
        HttpResponse<String> charts = http.get("/console/echarts.min.js", null);
        assertEquals(200, charts.statusCode());
        assertTrue(charts.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        HttpResponse<String> traversal = http.get("/console/..%2FWEB-INF%2Fweb.xml", null);
        assertTrue(traversal.statusCode() >= 400, "a container may answer 400 or 404, never the file");
        assertFalse(traversal.body().contains("web-app"));
        assertEquals(404, http.get("/console/pom.xml", null).statusCode());

        JsonObject config = Http.expect(200, http.get("/api/console/config", null));
        assertTrue(config.getBoolean("configured"));
        assertEquals("tether-console", config.getString("clientId"));
        assertTrue(config.getString("authorizeUrl").endsWith("/simulator/sso/oidc/authorize"));
        assertTrue(config.getString("tokenUrl").endsWith("/simulator/sso/oidc/token"));
    }

    @Test
    void theLoginFormsCodeAndItsVerifierGiveATokenTetherAccepts() throws Exception {
        newVerifier();
        HttpResponse<String> login = http.get(
                URI.create(http.uri("/simulator/sso/oidc/authorize") + "?response_type=code&client_id=tether-console"
                        + "&redirect_uri=" + Http.enc(redirectUri()) + "&state=s-1&nonce=n-1&code_challenge="
                        + challenge + "&code_challenge_method=S256"),
                null);
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("<label for=\"user\">"), login.body());

        JsonObject tokens = Http.expect(200, exchange(code(newUser("audrey"), "auditor"), verifier));
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.containsKey("id_token"));
        assertEquals(
                200, asAuditor.summary(tokens.getString("access_token"), "").statusCode(), "the auditor's token");

        JsonObject subscriber = Http.expect(200, exchange(code(newUser("sub"), "subscriber"), verifier));
        assertEquals(
                403, asAuditor.summary(subscriber.getString("access_token"), "").statusCode());
    }

    @Test
    void aWrongVerifierOrASecondExchangeIsInvalidGrant() throws Exception {
        newVerifier();
        String code = code(newUser("audrey"), "auditor");
        HttpResponse<String> wrong = exchange(code, "x".repeat(43));
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", Http.json(wrong.body()).getString("error"));
        HttpResponse<String> again = exchange(code, verifier);
        assertEquals(400, again.statusCode(), "the refused exchange spent the code");
        assertEquals("invalid_grant", Http.json(again.body()).getString("error"));

        String other = code(newUser("audrey"), "auditor");
        assertEquals(200, exchange(other, verifier).statusCode());
        assertEquals(400, exchange(other, verifier).statusCode(), "a code is good for one exchange");
    }

    @Test
    void anUnknownRedirectUriOrNoChallengeIsRefusedAtTheForm() throws Exception {
        newVerifier();
        HttpResponse<String> elsewhere = http.get(
                URI.create(http.uri("/simulator/sso/oidc/authorize") + "?response_type=code&client_id=tether-console"
                        + "&redirect_uri=" + Http.enc("https://evil.example/") + "&code_challenge=" + challenge
                        + "&code_challenge_method=S256"),
                null);
        assertEquals(400, elsewhere.statusCode());
        HttpResponse<String> plain = http.get(
                URI.create(http.uri("/simulator/sso/oidc/authorize") + "?response_type=code&client_id=tether-console"
                        + "&redirect_uri=" + Http.enc(redirectUri()) + "&code_challenge=" + challenge
                        + "&code_challenge_method=plain"),
                null);
        assertEquals(400, plain.statusCode(), "only S256");
    }
}
