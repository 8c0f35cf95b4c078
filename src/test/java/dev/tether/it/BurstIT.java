package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bursts are served, not refused: 64 simultaneous device-bound requests of one user, first and
 * repeated plays of one device over many cookies, with the simulator at its normal latency, are
 * all granted, each with one audit event; and the burst of first plays, repeated with fresh
 * cookies, never answers "device limit reached" for a user who has one device.
 */
class BurstIT extends FaultInjectingIT {

    private static final int BURST = 64;
    private static final int COOKIES = 16;
    private static final int ROUNDS = 5;

    @Test
    void aBurstOfFirstAndRepeatedPlaysOfOneDeviceIsServedInFull() throws Exception {
        String device = Player.newDevice();
        List<String> cookies = registered(device, COOKIES);
        String kept = asPlayer.bindDevice(token, device);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            // Every other request a cookie's first play (resolved in the burst), else a repeated play.
            String cookie = i % 2 == 0 ? cookies.get((i / 2) % COOKIES) : kept;
            calls.add(() -> asPlayer.sees(
                    token, Player.request(3, "demo-movie", cookie).build().toString()));
        }

        Map<String, Long> outcomes = outcomes(Concurrently.atOnce(calls, Duration.ofSeconds(60)));

        assertEquals(Map.of("granted", (long) BURST), outcomes);
        List<String> events = Auditor.withReasons(asAuditor.events(auditor, user, 500));
        assertEquals(BURST + 1, count(events, "DEVICE_BOUND_TOKEN/GRANTED/"), "every grant audited once");
        assertEquals(COOKIES + 1, count(events, "DEVICE_RESOLUTION/GRANTED/"), "each cookie resolved once");
    }

    @Test
    void concurrentFirstPlaysOfOneDeviceNeverHitTheDeviceLimit() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String user = newUser("burst");
            String bearer = http.token(user, "subscriber");
            String device = Player.newDevice();
            List<String> cookies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                cookies.add(asPlayer.registerDevice(bearer, device));
            }
            List<Callable<HttpResponse<String>>> calls = cookies.stream()
                    .map(cookie -> (Callable<HttpResponse<String>>) () -> asPlayer.sees(
                            bearer,
                            Player.request(3, "demo-movie", cookie).build().toString()))
                    .toList();

            Map<String, Long> outcomes = outcomes(Concurrently.atOnce(calls, Duration.ofSeconds(60)));

            assertEquals(Map.of("granted", 20L), outcomes, "round " + round);
        }
    }

    private List<String> registered(String device, int count) {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cookies.add(asPlayer.registerDevice(token, device));
        }
        return cookies;
    }

    private static Map<String, Long> outcomes(List<HttpResponse<String>> answers) {
        return answers.stream()
                .map(response -> {
                    assertEquals(200, response.statusCode(), response.body());
                    JsonObject json = Http.json(response.body());
                    return json.getBoolean("isAllowed") ? "granted" : "refused " + json.getInt("error");
                })
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long count(List<String> events, String kind) {
        return events.stream().filter(kind::equals).count();
    }
}
