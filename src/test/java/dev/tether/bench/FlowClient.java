package dev.tether.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP calls of the flow, each timed into a {@link Latencies}: what a player, its app and the
 * SSO send to Tether, and what Tether itself sends to ExpressPlay (called directly on the
 * simulator to measure ExpressPlay's share). A call that fails is counted as an error of its kind
 * and answers {@code null}; the flow then starts again.
 */
final class FlowClient {

    static final String REGISTRATION_CONTENT = "tether-registration";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static {
        // Liberty closes a connection idle for 30 s (persistTimeout); the JDK client would keep it
        // for 20 minutes and then send a request down a closed socket. Idle connections go first.
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        // Even so, about one request in half a million met a kept-alive connection that the server
        // had just closed, and failed before any byte of an answer: the race every HTTP/1.1 client
        // meets, which browsers and Tether's own calls to ExpressPlay (@Retry) answer by sending
        // again on a new connection. The JDK client does so for GET only unless told; a request
        // answered with an error is never sent again.
        System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> tetherUrls;
    private final String simulatorUrl;
    private final String authenticator;
    private final String content;
    private final AtomicInteger next = new AtomicInteger();

    FlowClient(List<String> tetherUrls, String simulatorUrl, String authenticator, String content) {
        this.tetherUrls = tetherUrls;
        this.simulatorUrl = simulatorUrl;
        this.authenticator = authenticator;
        this.content = content;
    }

    /** A subscriber's bearer token from the development SSO. */
    String ssoToken(Latencies latencies, String user) {
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(simulatorUrl + "/simulator/sso/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=" + enc(user) + "&groups=subscriber")));
        return response == null ? null : field(latencies, response, "access_token");
    }

    /** A bearer token from the development SSO for {@code user} with {@code groups} (comma-separated). */
    String ssoToken(Latencies latencies, String user, String groups) {
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(simulatorUrl + "/simulator/sso/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=" + enc(user) + "&groups=" + enc(groups))));
        return response == null ? null : field(latencies, response, "access_token");
    }

    /** A player's heartbeat for its stream's lease; answers the renewal, or null (an error). */
    JsonObject heartbeat(Latencies latencies, String bearer, String lease) {
        String base = tetherUrls.get(Math.floorMod(next.getAndIncrement(), tetherUrls.size()));
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(base + "/api/streams/" + lease + "/heartbeat"))
                        .header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        return response == null
                ? null
                : Json.createReader(new StringReader(response.body())).readObject();
    }

    /** An admin's stream policy for {@code user}. */
    boolean streamPolicy(Latencies latencies, String admin, String user, String json) {
        return send(
                        latencies,
                        HttpRequest.newBuilder(
                                        URI.create(tetherUrls.get(0) + "/api/admin/streams/policies/users/" + user))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + admin)
                                .PUT(HttpRequest.BodyPublishers.ofString(json)))
                != null;
    }

    /** A SEES request; answers the granted entitlement, or null (an error) for anything else. */
    JsonObject sees(Latencies latencies, String bearer, int requestType, String cookie) {
        String body = "{\"messageID\":\"" + UUID.randomUUID() + "\",\"version\":1,\"requestType\":" + requestType
                + ",\"contentID\":\"" + content + "\""
                + (cookie == null ? "" : ",\"customerCookie\":\"" + cookie + "\"") + "}";
        String base = tetherUrls.get(Math.floorMod(next.getAndIncrement(), tetherUrls.size()));
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(base + "/sees/entitlement"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response == null) {
            return null;
        }
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        if (!answer.getBoolean("isAllowed", false)) {
            latencies.error("not allowed: " + response.body());
            return null;
        }
        return answer;
    }

    /** The SPC that the simulated device {@code deviceId} sends for {@code assetId}. */
    byte[] spc(Latencies latencies, String deviceId, String assetId) {
        HttpResponse<byte[]> response = sendBytes(
                latencies,
                HttpRequest.newBuilder(URI.create(
                                simulatorUrl + "/simulator/devices/" + deviceId + "/spc?assetId=" + enc(assetId)))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        return response == null ? null : response.body();
    }

    /** A player redeeming a token URL with its SPC on the simulator's rights endpoint. */
    boolean redeem(Latencies latencies, String tokenUrl, byte[] spc) {
        return sendBytes(
                        latencies,
                        HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(spc)))
                != null;
    }

    /** The simulator's token API called directly with what Tether sends for a device-bound token. */
    boolean simulatorToken(Latencies latencies, String cookie, String deviceId) {
        String form = "customerAuthenticator=" + enc(authenticator) + "&errorFormat=json"
                + "&contentKey=000102030405060708090a0b0c0d0e0f&iv=f0e0d0c0b0a090807060504030201000"
                + "&expirationTime="
                + enc(Instant.now()
                        .plus(Duration.ofHours(1))
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                + "&rentalDuration=172800&cookie=" + enc(cookie) + "&deviceid=" + deviceId;
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(simulatorUrl + "/simulator/expressplay/hms/fp/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response != null && !response.body().startsWith("http")) {
            latencies.error("not a token URL: " + response.body());
            return false;
        }
        return response != null;
    }

    /** The simulator's record retrieval API called directly, as Tether looks a cookie up. */
    boolean simulatorRecords(Latencies latencies, String cookie, String deviceId) {
        HttpResponse<String> response = send(
                latencies,
                HttpRequest.newBuilder(URI.create(simulatorUrl
                                + "/simulator/expressplay/cmiapi/getrecord/?customerAuthenticator=" + enc(authenticator)
                                + "&errorFormat=json&cookie=" + enc(cookie)))
                        .GET());
        if (response != null && !response.body().contains(deviceId)) {
            latencies.error("no record of the device: " + response.body());
            return false;
        }
        return response != null;
    }

    private HttpResponse<String> send(Latencies latencies, HttpRequest.Builder request) {
        return timed(latencies, request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> sendBytes(Latencies latencies, HttpRequest.Builder request) {
        return timed(latencies, request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends, times the exchange, and counts anything but a 200 as an error. */
    private <T> HttpResponse<T> timed(
            Latencies latencies, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        long start = System.nanoTime();
        HttpResponse<T> response;
        try {
            response = http.send(built, body);
        } catch (IOException e) {
            latencies.error(built.uri().getPath() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            latencies.error("interrupted");
            return null;
        }
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            Object answer = response.body();
            latencies.error(built.uri().getPath() + " answered " + response.statusCode() + ": "
                    + (answer instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : answer));
            return null;
        }
        latencies.record(elapsed);
        return response;
    }

    private static String field(Latencies latencies, HttpResponse<String> response, String name) {
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        if (!answer.containsKey(name)) {
            latencies.error("no " + name + " in " + response.body());
            return null;
        }
        return answer.getString(name);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
