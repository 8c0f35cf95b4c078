package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Tether instances on one PostgreSQL (README, "Two instances on one PostgreSQL"): instance A
 * is the Arquillian deployment, instance B the second Liberty server that the postgres build
 * starts on port 9081 ({@code tether.b.url}) with the simulator off and A's ExpressPlay simulator
 * and SSO configured. A flow started on one instance finishes on the other, and both instances
 * racing on one cookie leave one device, because only the database decides.
 */
class TwoInstancesPostgresIT extends TetherIT {

    private static final int PER_INSTANCE = 4;

    /** Instance B, as each role speaks to it. */
    private Http b;

    private Player playerB;
    private Subscriber subscriberB;
    private Auditor auditorB;
    private String auditor;

    @BeforeEach
    void connectToInstanceB() throws Exception {
        b = new Http(URI.create(System.getProperty("tether.b.url", "http://localhost:9081/tether/"))
                .toURL());
        playerB = new Player(b);
        subscriberB = new Subscriber(b);
        auditorB = new Auditor(b);
        auditor = tokenFor("auditor");
    }

    @Test
    void instanceBIsAnotherServerThatUsesTheSsoAndExpressPlayOfInstanceA() {
        assertEquals(200, http.get("/simulator/sso/jwks", null).statusCode());
        assertEquals(404, b.get("/simulator/sso/jwks", null).statusCode(), "B serves no simulator of its own");
        assertEquals(
                401,
                playerB.sees(null, Player.request(1, "demo-movie").build().toString())
                        .statusCode());

        JsonObject granted =
                playerB.entitlement(http.token(newUser("user"), "subscriber"), Player.request(1, "demo-movie"));

        assertTrue(
                granted.getBoolean("isAllowed"),
                "B verified A's SSO token and got a token from A's ExpressPlay: " + granted);
        assertTrue(
                granted.getString("epTokenURL").startsWith(Http.simulatorOrigin(base) + "/simulator/"),
                "the token is A's simulator's: " + granted.getString("epTokenURL"));
    }

    @Test
    void aDeviceRegisteredOnInstanceAGetsItsBoundTokenFromInstanceB() {
        String user = newUser("user");
        String token = http.token(user, "subscriber");
        String device = Player.newDevice();
        String cookie = asPlayer.registerDevice(token, device);

        JsonObject bound = playerB.entitlement(token, Player.request(3, "demo-movie", cookie));

        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        assertBoundTo(device, bound.getString("epTokenURL"));
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_RESOLUTION/GRANTED", "REGISTRATION/GRANTED"),
                Auditor.kinds(asAuditor.events(auditor, user)));
        assertEquals(
                Auditor.kinds(asAuditor.events(auditor, user)),
                Auditor.kinds(auditorB.events(auditor, user)),
                "one trail, seen from both");
    }

    @Test
    void aDeviceRegisteredOnInstanceBGetsItsBoundTokenFromInstanceA() {
        String user = newUser("user");
        String token = http.token(user, "subscriber");
        String device = Player.newDevice();
        JsonObject registration = playerB.entitlement(token, Player.request(2, "demo-movie"));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        HttpResponse<byte[]> redeemed = asPlayer.redeem(
                registration.getString("epTokenURL"), asPlayer.spc(device, Player.REGISTRATION_CONTENT));
        assertEquals(200, redeemed.statusCode());

        JsonObject bound =
                asPlayer.entitlement(token, Player.request(3, "demo-movie", registration.getString("customerCookie")));

        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        assertBoundTo(device, bound.getString("epTokenURL"));
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_RESOLUTION/GRANTED", "REGISTRATION/GRANTED"),
                Auditor.kinds(auditorB.events(auditor, user)));
    }

    @Test
    void bothInstancesRacingOnOneCookieResolveOneDeviceAndAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            String user = newUser("racer");
            String token = http.token(user, "subscriber");
            String device = Player.newDevice();
            String cookie = asPlayer.registerDevice(token, device);
            String body = Player.request(3, "demo-movie", cookie).build().toString();

            Callable<HttpResponse<String>> onA = () -> asPlayer.sees(token, body);
            Callable<HttpResponse<String>> onB = () -> playerB.sees(token, body);
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < PER_INSTANCE; i++) {
                calls.add(onA);
                calls.add(onB);
            }
            for (HttpResponse<String> response : Concurrently.atOnce(calls, Duration.ofSeconds(60))) {
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(Http.json(response.body()).getBoolean("isAllowed"), response.body());
            }

            List<String> kinds = Auditor.kinds(asAuditor.events(auditor, user));
            assertEquals(
                    1,
                    kinds.stream().filter("DEVICE_RESOLUTION/GRANTED"::equals).count(),
                    kinds.toString());
            assertEquals(
                    2 * PER_INSTANCE,
                    kinds.stream().filter("DEVICE_BOUND_TOKEN/GRANTED"::equals).count(),
                    kinds.toString());
            JsonArray devices = subscriberB.devices(token);
            assertEquals(1, devices.size(), "one device record: " + devices);
            assertEquals(device, devices.getJsonObject(0).getString("deviceId"));
        }
        // Both instances appended to one chain: gapless and intact, whichever instance checks it.
        for (Http instance : List.of(http, b)) {
            JsonObject report = Http.expect(200, instance.get("/api/audit/ledger/verify", auditor));
            assertTrue(report.getBoolean("intact"), report.toString());
            assertEquals(
                    report.getJsonNumber("head").longValue(),
                    report.getJsonNumber("eventsChecked").longValue());
        }
    }

    /**
     * The admission race of issue 23: first plays of one device over twenty cookies at once, half
     * on each instance, repeated; none may answer "device limit reached" for a user with one device.
     */
    @Test
    void firstPlaysOfOneDeviceOverManyCookiesOnBothInstancesTakeOneSlot() throws Exception {
        for (int round = 0; round < 5; round++) {
            String user = newUser("cookies");
            String token = http.token(user, "subscriber");
            String device = Player.newDevice();
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = Player.request(3, "demo-movie", asPlayer.registerDevice(token, device))
                        .build()
                        .toString();
                calls.add(i % 2 == 0 ? () -> asPlayer.sees(token, body) : () -> playerB.sees(token, body));
            }

            for (HttpResponse<String> response : Concurrently.atOnce(calls, Duration.ofSeconds(60))) {
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(
                        Http.json(response.body()).getBoolean("isAllowed"), "round " + round + ": " + response.body());
            }
            JsonArray devices = subscriberB.devices(token);
            assertEquals(1, devices.size(), "one device record: " + devices);
        }
    }

    /** The token licenses {@code device} and refuses another one. */
    private void assertBoundTo(String device, String tokenUrl) {
        HttpResponse<byte[]> license = asPlayer.redeem(tokenUrl, asPlayer.spc(device, "demo-movie"));
        assertEquals(200, license.statusCode());
        assertEquals(device, Player.ckcClaims(license.body()).getString("deviceId"));
        HttpResponse<byte[]> other = asPlayer.redeem(tokenUrl, asPlayer.spc(Player.newDevice(), "demo-movie"));
        assertEquals(400, other.statusCode());
        assertEquals(-6004, Http.json(other.body()).getInt("errorCode"));
    }
}
