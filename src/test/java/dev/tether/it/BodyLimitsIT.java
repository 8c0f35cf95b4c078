package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint has a body limit suited to what it takes, over it 413 in the endpoint's own
 * shape, whether the body declares its length or comes chunked; a compressed body is refused
 * unread on every endpoint (415), and the servers' own limits stand behind them (README, "Bounded
 * bodies").
 */
class BodyLimitsIT extends TetherIT {

    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private String admin;
    private String subscriber;
    private String provisioner;

    @BeforeEach
    void signIn() {
        admin = tokenFor("admin");
        subscriber = tokenFor("subscriber");
        provisioner = http.token(newUser("idp"), "provisioner");
    }

    private static String rename(int bytes) {
        String head = "{\"label\":\"tv\",\"pad\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    private static String deviceLimit(int bytes) {
        String head = "{\"maxActiveDevices\":5,\"pad\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    @Test
    void theSelfServiceApiTakesLittleAndSaysSoInAProblem() {
        for (boolean chunked : new boolean[] {false, true}) {
            assertProblem(
                    "a 3 KiB rename" + (chunked ? ", chunked" : ""),
                    send("PATCH", "/api/devices/1", rename(3_072), chunked, subscriber, "application/json"),
                    413,
                    "body-too-large");
        }
        HttpResponse<String> withinLimit =
                send("PATCH", "/api/devices/1", rename(1_900), false, subscriber, "application/json");
        assertNotEquals(
                413, withinLimit.statusCode(), "1.9 KiB is within the self-service limit: " + withinLimit.body());
        String emoji = "\\ud83d\\ude00".repeat(64);
        HttpResponse<String> longestLabel =
                send("PATCH", "/api/devices/1", "{\"label\":\"" + emoji + "\"}", false, subscriber, "application/json");
        assertNotEquals(413, longestLabel.statusCode(), "the longest label, escaped, fits: " + longestLabel.body());
        assertProblem(
                "a heartbeat with a body",
                send(
                        "POST",
                        "/api/streams/" + java.util.UUID.randomUUID() + "/heartbeat",
                        rename(4_096),
                        false,
                        subscriber,
                        "application/json"),
                413,
                "body-too-large");
    }

    @Test
    void theAdminApiTakesMoreThanTheSelfServiceApi() {
        String target = newUser("target");
        String path = "/api/admin/users/" + target + "/device-limit";
        HttpResponse<String> midSized = send("PUT", path, deviceLimit(3_072), false, admin, "application/json");
        assertNotEquals(413, midSized.statusCode(), "3 KiB is within the admin limit: " + midSized.body());
        for (boolean chunked : new boolean[] {false, true}) {
            assertProblem(
                    "17 KiB to the admin API" + (chunked ? ", chunked" : ""),
                    send("PUT", path, deviceLimit(17_408), chunked, admin, "application/json"),
                    413,
                    "body-too-large");
        }
        assertProblem(
                "a compressed title",
                http.raw(
                        "POST",
                        "/api/admin/content",
                        gzip("{\"id\":\"zipped\",\"pad\":\"" + " ".repeat(500_000) + "\"}"),
                        "Authorization",
                        "Bearer " + admin,
                        "Content-Type",
                        "application/json",
                        "Content-Encoding",
                        "gzip"),
                415,
                "compressed-body");
    }

    @Test
    void scimHasItsOwnLimitAndAnswersInScimsShape() {
        String user = Provisioner.user(newUser("scim"), true);
        String padded = user.substring(0, user.length() - 1) + ",\"nickName\":\"" + "n".repeat(70_000) + "\"}";
        for (boolean chunked : new boolean[] {false, true}) {
            JsonObject error = scimError(
                    "70 KiB of SCIM" + (chunked ? ", chunked" : ""),
                    send("POST", "/scim/v2/Users", padded, chunked, provisioner, Provisioner.SCIM),
                    413);
            assertTrue(error.getString("detail").contains("65536"), error.toString());
        }
        String twentyKib = user.substring(0, user.length() - 1) + ",\"nickName\":\"" + "n".repeat(20_000) + "\"}";
        HttpResponse<String> larger = send("POST", "/scim/v2/Users", twentyKib, false, provisioner, Provisioner.SCIM);
        assertNotEquals(413, larger.statusCode(), "20 KiB is within SCIM's limit: " + larger.body());
        scimError(
                "a compressed SCIM user",
                http.raw(
                        "POST",
                        "/scim/v2/Users",
                        gzip(user),
                        "Authorization",
                        "Bearer " + provisioner,
                        "Content-Type",
                        Provisioner.SCIM,
                        "Content-Encoding",
                        "gzip"),
                415);
    }

    @Test
    void theBackChannelLogoutTakesOneLogoutToken() {
        String form = "logout_token=" + "a".repeat(20_000);
        assertProblem(
                "a 20 KiB logout form",
                send("POST", "/oidc/backchannel-logout", form, false, null, "application/x-www-form-urlencoded"),
                413,
                "body-too-large");
        assertProblem(
                "a compressed logout form",
                http.raw(
                        "POST",
                        "/oidc/backchannel-logout",
                        gzip(form),
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Content-Encoding",
                        "gzip"),
                415,
                "compressed-body");
    }

    @Test
    void seesRefusesABodyDeclaredOverItsLimitInSeesForm() {
        String body = "{\"messageID\":\"" + java.util.UUID.randomUUID()
                + "\",\"version\":1,\"contentID\":\"demo-movie\"," + "\"pad\":\"" + "p".repeat(1_200_000) + "\"}";
        HttpResponse<String> small =
                send("POST", Player.SEES, body.substring(0, 5_000) + "\"}", false, subscriber, "application/json");
        assertEquals(413, small.statusCode(), small.body());
        assertEquals(1001, Http.json(small.body()).getInt("error"), small.body());
        // Last: an answer given before a body this large is read can leave the connection unusable
        // (Undertow reads the rest as the next request).
        HttpResponse<String> answer;
        try {
            answer = send("POST", Player.SEES, body, false, subscriber, "application/json");
        } catch (UncheckedIOException closed) {
            // The answer comes before the body is read and the connection closes after it: a
            // client still writing 1.2 MB can meet the reset before it reads the answer (seen
            // once on WildFly in CI). Refused all the same, and nothing was served.
            assertConnectionClosed(closed);
            return;
        }
        // Over the server's own 1 MiB backstop too. Liberty's HTTP channel may answer 413 before
        // Tether. WildFly's Undertow refuses a Content-Length over max-post-size while it parses
        // the request head, before any handler (HttpTransferEncoding.setupRequest throws, and
        // HttpReadListener answers its fixed empty 400 and closes): refused, and nothing leaks.
        if (answer.body().isEmpty()) {
            assertTrue(answer.statusCode() == 413 || answer.statusCode() == 400, answer.statusCode() + "");
            if (answer.statusCode() == 400) {
                assertEquals(
                        "close",
                        answer.headers().firstValue("Connection").orElse(""),
                        "Undertow's refusal of the request head: "
                                + answer.headers().map());
            }
        } else {
            assertEquals(413, answer.statusCode(), answer.body());
            assertEquals(1001, Http.json(answer.body()).getInt("error"), answer.body());
        }
        assertNoInternals("SEES over 1 MiB", answer);
    }

    /**
     * A chunked body over the servers' own limit, to an endpoint whose form the container parses:
     * Liberty refuses it (its HTTP channel's MessageSizeLimit), WildFly's Undertow closes the
     * connection once max-post-size is read; neither serves it nor answers with a page of its own.
     */
    @Test
    void aChunkedBodyOverTheServersLimitIsRefusedWithoutAServerPage() {
        HttpResponse<String> answer;
        try {
            answer = send(
                    "POST",
                    "/oidc/backchannel-logout",
                    "logout_token=" + "a".repeat(1_200_000),
                    true,
                    null,
                    "application/x-www-form-urlencoded");
        } catch (UncheckedIOException closed) {
            assertConnectionClosed(closed);
            return;
        }
        assertTrue(
                answer.statusCode() == 413 || answer.statusCode() == 400,
                "refused, not served or failed: " + answer.statusCode() + " " + answer.body());
        assertNoInternals("chunked 1.2 MB form", answer);
    }

    private HttpResponse<String> send(
            String method, String path, String body, boolean chunked, String bearer, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .method(
                        method,
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                                : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", contentType);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build());
    }

    /** A refusal by closing the connection, not any other I/O failure of the test's client. */
    private static void assertConnectionClosed(UncheckedIOException closed) {
        String message = String.valueOf(closed.getMessage()).toLowerCase(Locale.ROOT);
        assertTrue(
                message.contains("received no bytes") || message.contains("closed") || message.contains("reset"),
                "the server closed the connection: " + closed);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    private static void assertProblem(String name, HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), name + ": " + response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""),
                name);
        JsonObject problem = Http.json(response.body());
        assertEquals(status, problem.getInt("status"), name);
        assertTrue(problem.getString("type").endsWith("/" + type), name + ": " + problem);
        assertNoInternals(name, response);
    }

    private static JsonObject scimError(String name, HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), name + ": " + response.body());
        JsonObject error = Http.json(response.body());
        assertTrue(error.toString().contains(SCIM_ERROR), name + ": " + error);
        assertEquals(Integer.toString(status), error.getString("status"), name + ": " + error);
        assertNoInternals(name, response);
        return error;
    }

    private static void assertNoInternals(String name, HttpResponse<String> response) {
        String all = response.headers().map() + "\n" + response.body();
        String lower = all.toLowerCase(Locale.ROOT);
        assertFalse(all.matches("(?s).*\\b[A-Z]{4,5}[0-9]{4}[IEW]\\b.*"), name + ": a message id: " + all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), name + ": " + all);
        assertFalse(lower.contains("<html"), name + ": " + all);
        for (String product : new String[] {"liberty", "websphere", "wildfly", "undertow", "resteasy", "jboss"}) {
            assertFalse(lower.contains(product), name + ": names " + product + ": " + all);
        }
    }
}
