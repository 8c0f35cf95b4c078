package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limits on SEES and on the self-service API, at their defaults (600 SEES and 300
 * self-service requests a minute per user, 600 a minute per client address without a user): a
 * client that floods is answered 429 with {@code Retry-After} in the endpoint's shape, others are
 * not affected, and the flood leaves one audit event for its window, not one per request. The
 * tests send until the first 429 rather than a guessed number, as the buckets refill while they send.
 */
class RateLimitIT extends TetherIT {

    /** Far above any default: a flood that never meets a limit fails the test. */
    private static final int MOST_REQUESTS = 4000;

    private static final int PARALLEL = 8;

    private String auditor;

    @BeforeEach
    void signIn() {
        auditor = http.token(newUser("auditor"), "auditor");
    }

    /** Sends requests {@code PARALLEL} at a time until one answers 429, and returns every answer up to then. */
    private static List<HttpResponse<String>> untilRefused(Supplier<HttpResponse<String>> request) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            while (answers.size() < MOST_REQUESTS) {
                List<Future<HttpResponse<String>>> round = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    round.add(pool.submit(request::get));
                }
                for (Future<HttpResponse<String>> answer : round) {
                    answers.add(answer.get());
                }
                if (answers.stream().anyMatch(a -> a.statusCode() == 429)) {
                    return answers;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        throw new AssertionError("no 429 in " + MOST_REQUESTS + " requests");
    }

    private List<JsonObject> rateLimitEvents(String user) {
        return Http.expectArray(asAuditor.search(auditor, "user=" + Http.enc(user) + "&type=REQUEST_REFUSED&limit=50"))
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> "RATE_LIMITED".equals(e.getString("reasonCode", "")))
                .toList();
    }

    @Test
    void aFloodOfTheSelfServiceApiIs429ProblemWithRetryAfterAndOneAuditEvent() throws Exception {
        String user = newUser("flood");
        String bearer = http.token(user, "subscriber");

        List<HttpResponse<String>> answers = untilRefused(() -> http.get("/api/devices", bearer));

        assertTrue(answers.size() >= 300, "the first 300 a minute pass; refused after " + answers.size());
        assertTrue(answers.stream().allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429), "only 200 and 429");
        HttpResponse<String> refused =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT));
        JsonObject problem = Http.json(refused.body());
        assertEquals("https://tether.dev/problems/rate-limited", problem.getString("type"));
        assertEquals(429, problem.getInt("status"));
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);

        assertEquals(200, http.get("/api/devices", tokenFor("subscriber")).statusCode(), "another user is served");
        for (int i = 0; i < 20; i++) {
            http.get("/api/devices", bearer);
        }
        List<JsonObject> events = rateLimitEvents(user);
        assertEquals(1, events.size(), "one event for the refused window: " + events);
        assertEquals(user, events.get(0).getString("actorId"));
        assertEquals("SELF_SERVICE", events.get(0).getJsonObject("detail").getString("scope"));
        assertEquals(429, events.get(0).getJsonObject("detail").getInt("status"));
    }

    @Test
    void aFloodOfSeesIs429InSeesFormAndEveryServedRequestKeepsItsOwnEvent() throws Exception {
        String user = newUser("flood");
        String bearer = http.token(user, "subscriber");
        String malformed = Player.request(9, "demo-movie").build().toString();

        List<HttpResponse<String>> answers = untilRefused(() -> asPlayer.sees(bearer, malformed));

        assertTrue(answers.size() >= 600, "the first 600 a minute pass; refused after " + answers.size());
        HttpResponse<String> refused =
                answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject answer = Http.json(refused.body());
        assertFalse(answer.getBoolean("isAllowed"));
        assertEquals(1004, answer.getInt("error"));
        assertTrue(answer.getString("errorText").contains("600"), answer.toString());
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(
                answers.stream()
                        .filter(a -> a.statusCode() != 429)
                        .allMatch(a ->
                                a.statusCode() == 400 && Http.json(a.body()).getInt("error") == 1003),
                "served requests were decided as usual");

        assertEquals(1, rateLimitEvents(user).size(), "one event for the refused window");
        assertEquals(
                "SEES", rateLimitEvents(user).get(0).getJsonObject("detail").getString("scope"));
    }

    @Test
    void requestsWithoutAUserAreCountedByClientAddress() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        InetAddress address = InetAddress.getByName("127.0.0.2");
        String body = Player.request(1, "demo-movie").build().toString();
        List<Integer> statuses = new ArrayList<>();
        String refused = null;
        while (refused == null && statuses.size() < MOST_REQUESTS) {
            String[] answer = postFrom(address, "/sees/entitlement", body);
            int status = Integer.parseInt(answer[0]);
            statuses.add(status);
            if (status == 429) {
                refused = answer[1];
            }
        }
        assertTrue(refused != null, "no 429 in " + MOST_REQUESTS + " requests without a token");
        assertTrue(statuses.size() > 600, "the first 600 a minute pass; refused after " + statuses.size());
        assertTrue(statuses.subList(0, 600).stream().allMatch(s -> s == 401), "without a token, 401 until then");
        assertEquals(1004, Http.json(refused).getInt("error"));

        assertEquals(
                200,
                asPlayer.sees(tokenFor("subscriber"), body).statusCode(),
                "a signed-in user from another address is served");
        List<JsonObject> events = Http.expectArray(
                        asAuditor.search(auditor, "type=REQUEST_REFUSED&from=" + before + "&limit=500"))
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> "RATE_LIMITED".equals(e.getString("reasonCode", ""))
                        && "127.0.0.2".equals(e.getString("clientAddress", "")))
                .toList();
        assertEquals(1, events.size(), "one event for the address's window: " + events);
        assertFalse(events.get(0).containsKey("userId") && !events.get(0).isNull("userId"), "no user");
        assertEquals("ANONYMOUS", events.get(0).getJsonObject("detail").getString("scope"));
    }

    /** A POST from a local address of the test's choosing (the HTTP client cannot bind one): {status, body}. */
    private String[] postFrom(InetAddress local, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            String target = base.getPath().replaceAll("/$", "") + path;
            String head = "POST " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            String status = response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4);
            int split = response.indexOf("\r\n\r\n");
            String headers = response.substring(0, Math.max(0, split)).toLowerCase(Locale.ROOT);
            String payload = split < 0 ? "" : response.substring(split + 4);
            return new String[] {status, headers.contains("transfer-encoding: chunked") ? dechunked(payload) : payload};
        }
    }

    /** The body of a chunked answer (RFC 9112, 7.1), without extensions or trailers. */
    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
