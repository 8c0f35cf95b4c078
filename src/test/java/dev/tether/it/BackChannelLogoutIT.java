package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout against the development SSO: a logged-out session's bearer
 * tokens are refused with 401 from then on; every malformed, misaddressed or replayed logout token
 * is refused with 400 and nothing is logged out; answers are never cached.
 */
class BackChannelLogoutIT extends TetherIT {

    private static final String ENDPOINT = "/oidc/backchannel-logout";

    private String user;

    @BeforeEach
    void newUser() {
        user = newUser("logout");
    }

    @Test
    void aLoggedOutSessionsTokensAreRefusedAndOtherSessionsAreNot() {
        String sid = "s-" + UUID.randomUUID();
        String loggedOut = http.token(user, "subscriber", "&sid=" + sid);
        String otherSession = http.token(user, "subscriber", "&sid=other-" + UUID.randomUUID());
        expect(200, asSubscriber.listDevices(loggedOut));

        JsonObject sent = json(http.send(form("/simulator/sso/logout", "sid=" + sid + "&user=" + Http.enc(user))));
        assertEquals(200, sent.getInt("status"), sent.toString());

        assertEquals(401, asSubscriber.listDevices(loggedOut).statusCode());
        assertEquals(
                401,
                asPlayer.sees(loggedOut, Player.request(1, "demo-movie").build().toString())
                        .statusCode());
        expect(200, asSubscriber.listDevices(otherSession));
        assertEquals(
                "SESSION_LOGGED_OUT/GRANTED",
                Auditor.kinds(asAuditor.events(tokenFor("auditor"), user).getValuesAs(JsonObject.class))
                        .get(0));
    }

    @Test
    void aLogoutOfTheSubjectRefusesEveryTokenIssuedBefore() throws InterruptedException {
        String before = http.token(user, "subscriber", "&sid=" + UUID.randomUUID());
        expect(200, asSubscriber.listDevices(before));

        HttpResponse<String> answer = post(logoutToken("user=" + Http.enc(user)));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(401, asSubscriber.listDevices(before).statusCode());
        // A token issued after the logout (a new sign-in) is accepted: iat counts in seconds.
        Eventually.eventually(
                Duration.ofSeconds(10),
                () -> asSubscriber.listDevices(http.token(user, "subscriber")).statusCode(),
                status -> status == 200);
    }

    @Test
    void aReplayedLogoutTokenIsRefused() {
        String token = logoutToken("sid=" + UUID.randomUUID());
        assertEquals(200, post(token).statusCode());

        assertRefused(post(token));
    }

    @Test
    void eachBadLogoutTokenIs400AndLogsNothingOut() {
        String sid = "bad-" + UUID.randomUUID();
        String bearer = http.token(user, "subscriber", "&sid=" + sid);
        String session = "sid=" + sid + "&user=" + Http.enc(user);

        assertRefused(post(logoutToken(session + "&nonce=n-0S6_WzA2Mj")));
        assertRefused(post(logoutToken(session + "&audience=someone-else")));
        assertRefused(post(logoutToken(session + "&event=" + Http.enc("http://schemas.openid.net/event/other"))));
        assertRefused(post(logoutToken(session + "&issuedAgo=3600")));
        assertRefused(post(logoutToken(session + "&issuedAgo=-3600")));
        assertRefused(post(foreignKeyToken(sid)));
        assertRefused(post("not.a.jwt"));
        assertRefused(post("garbage"));
        assertRefused(http.send(HttpRequest.newBuilder(http.uri(ENDPOINT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("other=1"))
                .build()));
        String valid = logoutToken(session);
        String[] parts = valid.split("\\.");
        assertRefused(post(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA"));

        expect(200, asSubscriber.listDevices(bearer));
    }

    private void assertRefused(HttpResponse<String> response) {
        JsonObject error = expect(400, response);
        assertEquals("invalid_request", error.getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    private String logoutToken(String form) {
        return json(http.send(form("/simulator/sso/logout-token", form))).getString("logout_token");
    }

    private String foreignKeyToken(String sid) {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(foreign.getKeyID())
                            .type(new JOSEObjectType("logout+jwt"))
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer("https://sso.tether.dev")
                            .audience("tether")
                            .subject(user)
                            .claim("sid", sid)
                            .jwtID(UUID.randomUUID().toString())
                            .issueTime(Date.from(now))
                            .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                            .build());
            jwt.sign(new RSASSASigner(foreign));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String logoutToken) {
        return http.send(form(ENDPOINT, "logout_token=" + Http.enc(logoutToken)));
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return expect(200, response);
    }
}
