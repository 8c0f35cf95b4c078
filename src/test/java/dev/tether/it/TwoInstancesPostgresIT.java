package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

    private TetherClient b;
    private String auditor;
    private ExecutorService pool;

    @BeforeEach
    void connectToInstanceB() throws Exception {
        b = new TetherClient(URI.create(System.getProperty("tether.b.url", "http://localhost:9081/tether/")).toURL());
        auditor = tokenFor("auditor");
        pool = Executors.newFixedThreadPool(2 * PER_INSTANCE);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void instanceBIsAnotherServerThatUsesTheSsoAndExpressPlayOfInstanceA() {
        assertEquals(200, tether.get("/simulator/sso/jwks", null).statusCode());
        assertEquals(404, b.get("/simulator/sso/jwks", null).statusCode(), "B serves no simulator of its own");
        assertEquals(401, b.sees(null, TetherClient.request(1, "demo-movie").build().toString()).statusCode());

        JsonObject granted = b.entitlement(tether.token(newUser("user"), "subscriber"), TetherClient.request(1, "demo-movie"));

        assertTrue(granted.getBoolean("isAllowed"), "B verified A's SSO token and got a token from A's ExpressPlay: " + granted);
        assertTrue(granted.getString("epTokenURL").startsWith(TetherClient.simulatorOrigin(base) + "/simulator/"),
                "the token is A's simulator's: " + granted.getString("epTokenURL"));
    }

    @Test
    void aDeviceRegisteredOnInstanceAGetsItsBoundTokenFromInstanceB() {
        String user = newUser("user");
        String token = tether.token(user, "subscriber");
        String device = TetherClient.newDevice();
        String cookie = tether.registerDevice(token, device);

        JsonObject bound = b.entitlement(token, TetherClient.request(3, "demo-movie", cookie));

        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        assertBoundTo(device, bound.getString("epTokenURL"));
        assertEquals(List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_RESOLUTION/GRANTED", "REGISTRATION/GRANTED"),
                kinds(tether.audit(auditor, user)));
        assertEquals(kinds(tether.audit(auditor, user)), kinds(b.audit(auditor, user)), "one trail, seen from both");
    }

    @Test
    void aDeviceRegisteredOnInstanceBGetsItsBoundTokenFromInstanceA() {
        String user = newUser("user");
        String token = tether.token(user, "subscriber");
        String device = TetherClient.newDevice();
        JsonObject registration = b.entitlement(token, TetherClient.request(2, "demo-movie"));
        assertTrue(registration.getBoolean("isAllowed"), registration.toString());
        HttpResponse<byte[]> redeemed = tether.redeem(registration.getString("epTokenURL"),
                tether.spc(device, TetherClient.REGISTRATION_CONTENT));
        assertEquals(200, redeemed.statusCode());

        JsonObject bound = tether.entitlement(token, TetherClient.request(3, "demo-movie",
                registration.getString("customerCookie")));

        assertTrue(bound.getBoolean("isAllowed"), bound.toString());
        assertBoundTo(device, bound.getString("epTokenURL"));
        assertEquals(List.of("DEVICE_BOUND_TOKEN/GRANTED", "DEVICE_RESOLUTION/GRANTED", "REGISTRATION/GRANTED"),
                kinds(b.audit(auditor, user)));
    }

    @Test
    void bothInstancesRacingOnOneCookieResolveOneDeviceAndAllSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            String user = newUser("racer");
            String token = tether.token(user, "subscriber");
            String device = TetherClient.newDevice();
            String cookie = tether.registerDevice(token, device);
            String body = TetherClient.request(3, "demo-movie", cookie).build().toString();

            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < PER_INSTANCE; i++) {
                answers.add(pool.submit(released(start, () -> tether.sees(token, body))));
                answers.add(pool.submit(released(start, () -> b.sees(token, body))));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(TetherClient.json(response.body()).getBoolean("isAllowed"), response.body());
            }

            List<String> kinds = kinds(tether.audit(auditor, user));
            assertEquals(1, kinds.stream().filter("DEVICE_RESOLUTION/GRANTED"::equals).count(), kinds.toString());
            assertEquals(2 * PER_INSTANCE, kinds.stream().filter("DEVICE_BOUND_TOKEN/GRANTED"::equals).count(),
                    kinds.toString());
            JsonArray devices = b.list("/api/devices", token);
            assertEquals(1, devices.size(), "one device record: " + devices);
            assertEquals(device, devices.getJsonObject(0).getString("deviceId"));
        }
    }

    /** The token licenses {@code device} and refuses another one. */
    private void assertBoundTo(String device, String tokenUrl) {
        HttpResponse<byte[]> license = tether.redeem(tokenUrl, tether.spc(device, "demo-movie"));
        assertEquals(200, license.statusCode());
        assertEquals(device, TetherClient.ckcClaims(license.body()).getString("deviceId"));
        HttpResponse<byte[]> other = tether.redeem(tokenUrl, tether.spc(TetherClient.newDevice(), "demo-movie"));
        assertEquals(400, other.statusCode());
        assertEquals(-6004, TetherClient.json(new String(other.body(), StandardCharsets.UTF_8)).getInt("errorCode"));
    }

    /** A call that waits for {@code start}, so that every thread sends at once. */
    private static <T> Callable<T> released(CountDownLatch start, Callable<T> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }

    private static List<String> kinds(JsonArray events) {
        return events.stream().map(JsonObject.class::cast)
                .map(e -> e.getString("type") + "/" + e.getString("outcome"))
                .toList();
    }
}
