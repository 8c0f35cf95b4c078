package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent stream starts of one user on two Tether instances over one PostgreSQL (the setup of
 * {@link TwoInstancesPostgresIT}): the database decides, so the running streams never exceed the
 * limit, whatever instance each start reaches, and nothing answers 500.
 */
class TwoInstancesStreamLimitsPostgresIT extends TetherIT {

    private static final int STARTS = 12;

    private Player playerB;
    private Streamer streamerB;
    private Streamer asStreamer;
    private String admin;
    private String auditor;

    @BeforeEach
    void connectToInstanceB() throws Exception {
        Http b = new Http(URI.create(System.getProperty("tether.b.url", "http://localhost:9081/tether/"))
                .toURL());
        playerB = new Player(b);
        streamerB = new Streamer(b);
        asStreamer = new Streamer(http);
        admin = tokenFor("admin");
        auditor = tokenFor("auditor");
    }

    @Test
    void blockNewStartsOnBothInstancesAtOnceNeverExceedTheLimit() throws Exception {
        for (int round = 0; round < 3; round++) {
            String user = newUser("racer");
            String token = http.token(user, "subscriber");
            Http.expect(200, asStreamer.setUserPolicy(admin, user, "{\"maxStreams\":3,\"mode\":\"block-new\"}"));

            Map<String, Long> outcomes = outcomes(Concurrently.atOnce(starts(token), Duration.ofSeconds(60)));

            assertEquals(Map.of("granted", 3L, "3012", (long) STARTS - 3), outcomes, "round " + round);
            assertEquals(3, asStreamer.running(token).size());
            assertEquals(3, streamerB.running(token).size(), "one database, seen from both");
            List<String> kinds = Auditor.withReasons(asAuditor.events(auditor, user));
            assertEquals(3, count(kinds, "TIME_BASED_TOKEN/GRANTED/"), kinds.toString());
            assertEquals(STARTS - 3, count(kinds, "TIME_BASED_TOKEN/REFUSED/STREAM_LIMIT_REACHED"), kinds.toString());
        }
    }

    @Test
    void stopOldestStartsOnBothInstancesAtOnceAllPlayAndLeaveTheLimitRunning() throws Exception {
        String user = newUser("racer");
        String token = http.token(user, "subscriber");
        Http.expect(200, asStreamer.setUserPolicy(admin, user, "{\"maxStreams\":2,\"mode\":\"stop-oldest\"}"));

        Map<String, Long> outcomes = outcomes(Concurrently.atOnce(starts(token), Duration.ofSeconds(60)));

        assertEquals(Map.of("granted", (long) STARTS), outcomes);
        assertEquals(2, streamerB.running(token).size());
        List<String> kinds = Auditor.withReasons(asAuditor.events(auditor, user, 100));
        assertEquals(STARTS - 2, count(kinds, "STREAM_ENDED/GRANTED/"), "each stopped once: " + kinds);
    }

    /** Half of the starts on instance A, half on B. */
    private List<Callable<HttpResponse<String>>> starts(String token) {
        String body = Player.request(1, "demo-movie").build().toString();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            calls.add(i % 2 == 0 ? () -> asPlayer.sees(token, body) : () -> playerB.sees(token, body));
        }
        return calls;
    }

    private static Map<String, Long> outcomes(List<HttpResponse<String>> answers) {
        return answers.stream()
                .map(response -> {
                    assertEquals(200, response.statusCode(), response.body());
                    JsonObject answer = Http.json(response.body());
                    return answer.getBoolean("isAllowed") ? "granted" : String.valueOf(answer.getInt("error"));
                })
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    private static long count(List<String> kinds, String prefix) {
        return kinds.stream().filter(k -> k.startsWith(prefix)).count();
    }
}
