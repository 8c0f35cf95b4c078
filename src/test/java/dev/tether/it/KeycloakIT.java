package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tether behind a real identity provider: Keycloak (profile keycloak) with the realm of
 * server-config/keycloak/tether-realm.json. Tokens come from Keycloak's token endpoint (direct
 * grant of the realm's test users); Tether trusts the realm's issuer and JWKS.
 */
class KeycloakIT extends TetherIT {

    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
    private static final String REALM = KEYCLOAK + "/realms/tether";
    private static final String ADMIN = KEYCLOAK + "/admin/realms/tether";

    private final HttpClient client = HttpClient.newHttpClient();
    private Provisioner scim;

    @BeforeEach
    void clients() {
        scim = new Provisioner(http);
    }

    @Test
    void keycloaksTokensAreAcceptedAndItsGroupsAreTetherRoles() {
        String alice = signIn("alice");
        String audrey = signIn("audrey");

        assertTrue(asPlayer.entitlement(alice, Player.request(2, "demo-movie")).getBoolean("isAllowed"));
        expect(200, asSubscriber.listDevices(alice));
        assertEquals(403, asAuditor.search(alice, "limit=1").statusCode(), "a subscriber is no auditor");
        expect(200, asAuditor.search(audrey, "user=" + Http.enc(claims(alice).getString("sub"))));
        assertEquals(403, asSubscriber.listDevices(audrey).statusCode(), "an auditor is no subscriber");
        assertEquals(401, asSubscriber.listDevices(null).statusCode());
    }

    @Test
    void loggingTheSessionOutInKeycloakEndsItsTokensInTether() throws Exception {
        String before = signIn("alice");
        String otherSession = signIn("alice");
        expect(200, asSubscriber.listDevices(before));
        String sub = claims(before).getString("sub");
        // Keycloak calls Tether's back-channel logout endpoint while it ends the session: the one
        // session when the token names it, else every session of the user.
        String sid = claims(before).getString("sid", null);
        HttpRequest.Builder logout = sid == null
                ? HttpRequest.newBuilder(URI.create(ADMIN + "/users/" + sub + "/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                : HttpRequest.newBuilder(URI.create(ADMIN + "/sessions/" + sid)).DELETE();
        HttpResponse<String> ended = client.send(
                logout.header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, ended.statusCode(), ended.body());

        Eventually.eventually(
                Duration.ofSeconds(20), () -> asSubscriber.listDevices(before).statusCode(), status -> status == 401);
        assertEquals(
                401,
                asPlayer.sees(before, Player.request(1, "demo-movie").build().toString())
                        .statusCode());
        if (sid != null) {
            expect(200, asSubscriber.listDevices(otherSession));
        }
        List<JsonObject> events = asAuditor.events(signIn("audrey"), sub).getValuesAs(JsonObject.class);
        assertTrue(Auditor.kinds(events).contains("SESSION_LOGGED_OUT/GRANTED"), events.toString());
    }

    @Test
    void aRotatedRealmKeyIsAcceptedWithoutARestartAndAnUnknownKeyIsNot() throws Exception {
        String before = signIn("alice");
        expect(200, asSubscriber.listDevices(before));
        String oldKid = header(before).getString("kid");

        HttpResponse<String> added = client.send(
                HttpRequest.newBuilder(URI.create(ADMIN + "/components"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"rotated-" + UUID.randomUUID()
                                                + "\",\"providerId\":\"rsa-generated\",\"providerType\":\"org.keycloak.keys.KeyProvider\","
                                                + "\"parentId\":\"tether\",\"config\":{\"priority\":[\"1000\"],\"keySize\":[\"2048\"],\"algorithm\":[\"RS256\"]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode(), added.body());

        String after = signIn("alice");
        assertNotEquals(oldKid, header(after).getString("kid"), "Keycloak signs with the new key");
        expect(200, asSubscriber.listDevices(after));
        expect(200, asSubscriber.listDevices(before));

        assertEquals(401, asSubscriber.listDevices(foreign(claims(after))).statusCode());
    }

    @Test
    void scimDeprovisioningOfAKeycloakUserEndsTheirAccessAndReactivationRestoresIt() {
        String bob = signIn("bob");
        String provisioning = signIn("provisioning");
        String sub = claims(bob).getString("sub");
        asPlayer.bindDevice(bob, Player.newDevice());
        JsonObject found = expect(200, scim.find(provisioning, sub));
        String id = found.getInt("totalResults") == 1
                ? found.getJsonArray("Resources").getJsonObject(0).getString("id")
                : expect(201, scim.create(provisioning, Provisioner.user(sub, true)))
                        .getString("id");

        expect(200, scim.patch(provisioning, id, Provisioner.setActive(false)));
        JsonObject refused = asPlayer.entitlement(bob, Player.request(2, "demo-movie"));
        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3013, refused.getInt("error"));
        assertEquals(0, asSubscriber.devices(bob).size());

        expect(200, scim.patch(provisioning, id, Provisioner.setActive(true)));
        assertTrue(asPlayer.entitlement(bob, Player.request(2, "demo-movie")).getBoolean("isAllowed"));
        List<JsonObject> events = asAuditor.events(signIn("audrey"), sub).getValuesAs(JsonObject.class);
        String provisioningSub = claims(provisioning).getString("sub");
        assertTrue(events.stream()
                .anyMatch(e -> e.getString("type").equals("USER_DEPROVISIONED")
                        && e.getString("actorId", "").equals(provisioningSub)));
        assertTrue(events.stream()
                .anyMatch(e -> e.getString("type").equals("USER_REACTIVATED")
                        && e.getString("actorId", "").equals(provisioningSub)));
    }

    /** An access token from Keycloak's token endpoint: the direct grant of a realm test user. */
    private String signIn(String user) {
        return token(REALM, "tether", user, user + "-password");
    }

    private String adminToken() {
        return token(KEYCLOAK + "/realms/master", "admin-cli", "admin", "admin");
    }

    private String token(String realm, String clientId, String user, String password) {
        String form = "grant_type=password&client_id=" + clientId + "&scope=openid&username=" + Http.enc(user)
                + "&password=" + Http.enc(password);
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return expect(200, response).getString("access_token");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, signed by a key Keycloak never published. */
    private static String foreign(JsonObject claims) throws Exception {
        RSAKey key =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(claims.getString("iss"))
                        .audience("tether")
                        .subject(claims.getString("sub"))
                        .claim("preferred_username", "alice")
                        .claim("groups", List.of("subscriber"))
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JsonObject header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonObject claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonObject part(String jwt, int index) {
        return Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
