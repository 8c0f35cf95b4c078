package dev.tether.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What every role's client shares: where Tether and the simulator answer, bearer tokens from the
 * development SSO, sending, and reading JSON. The role clients ({@link Player}, {@link Subscriber},
 * {@link Auditor}, {@link Admin}, {@link FaultOperator}) name the endpoints; this class knows none.
 */
final class Http {

    private final HttpClient client;
    private final String base;
    private final String origin;

    /** Tether at {@code deploymentUrl}, and the simulator WAR on the same server. */
    Http(URL deploymentUrl) {
        // HTTP/1.1, as players and load balancers speak to a license server: the client's default
        // upgrade to HTTP/2 would put a burst on one connection, limited by the server's streams.
        this(
                deploymentUrl.toString(),
                simulatorOrigin(deploymentUrl),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    /** Tether at {@code base}, the simulator at {@code origin}/simulator, over {@code client} (TLS, say). */
    Http(String base, String origin, HttpClient client) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.origin = origin;
        this.client = client;
    }

    /**
     * Where the simulator and the development SSO answer: their own WAR, at /simulator on the
     * server that serves Tether, as in the development run.
     */
    static String simulatorOrigin(URL deploymentUrl) {
        return deploymentUrl.getProtocol() + "://" + deploymentUrl.getAuthority();
    }

    /** A bearer token from the development SSO. */
    String token(String user, String groups) {
        return token(user, groups, "");
    }

    /** A bearer token from the development SSO, with extra form fields (issuer, audience, expiresIn). */
    String token(String user, String groups, String extraForm) {
        HttpResponse<String> response = sso("user=" + enc(user) + "&groups=" + enc(groups) + extraForm);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SSO answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    /** The development SSO's answer to {@code form}, whatever it is: for tests of its refusals. */
    HttpResponse<String> sso(String form) {
        return send(HttpRequest.newBuilder(uri("/simulator/sso/token"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** A request to {@code path} carrying {@code bearer} unless it is null. */
    HttpRequest.Builder request(String path, String bearer) {
        return authorized(HttpRequest.newBuilder(uri(path)), bearer);
    }

    HttpResponse<String> get(String path, String bearer) {
        return get(uri(path), bearer);
    }

    /** A GET of an absolute address, such as a Link header's. */
    HttpResponse<String> get(URI uri, String bearer) {
        return send(authorized(HttpRequest.newBuilder(uri), bearer).GET().build());
    }

    /** A call to Tether's own API with an optional JSON body. */
    HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = request(path, bearer)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /**
     * A request exactly as a hostile client shapes it: {@code method} to {@code path} with
     * {@code body}, and the headers given as name, value pairs (a name may repeat; none is added).
     */
    HttpResponse<String> raw(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Bytes POSTed to an absolute address as a player sends them (an SPC to a token URL, say). */
    HttpResponse<byte[]> postBytes(String url, byte[] body) {
        return sendBytes(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** Tether's paths are under its context root; /simulator/... is the simulator WAR's own. */
    URI uri(String path) {
        return URI.create((path.startsWith("/simulator/") ? origin : base) + path);
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    /** The answer the test expects {@code status} of; a test failure naming the call otherwise. */
    static HttpResponse<String> expectStatus(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    response.request().method() + " " + response.request().uri() + ": expected " + status + ", got "
                            + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** An answer the test expects {@code status} of; returns the JSON body (an empty object for none). */
    static JsonObject expect(int status, HttpResponse<String> response) {
        String body = expectStatus(status, response).body();
        return body.isBlank() || !body.startsWith("{")
                ? Json.createObjectBuilder().build()
                : json(body);
    }

    /** A JSON array answer, which the test expects with 200. */
    static JsonArray expectArray(HttpResponse<String> response) {
        return array(expectStatus(200, response).body());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** A JSON object sent as bytes: the simulator's ExpressPlay errors at a rights endpoint. */
    static JsonObject json(byte[] body) {
        return json(new String(body, StandardCharsets.UTF_8));
    }

    static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    /** The body as text, whether it was read as text or as bytes (UTF-8). */
    static String text(HttpResponse<?> response) {
        return response.body() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(response.body());
    }

    /** A query parameter's value, URL-encoded. */
    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
