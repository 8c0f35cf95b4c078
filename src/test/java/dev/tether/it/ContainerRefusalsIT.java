package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the server itself answers before Tether's code runs, sent over a raw socket because no
 * HTTP client sends such requests: non-normalised URIs, encoded separators and dot segments,
 * methods and content types the container refuses. Each answer is problem details (SEES form on the
 * SEES paths) naming no product, carrying no server message id, internal header, exception text or
 * stack trace. TRACE echoes nothing of the request and is answered in those shapes, but at
 * Liberty's server root. What a server refuses before it chooses an application (a percent escape
 * Liberty cannot decode, a backslash on WildFly) no error page can reach: those are held to leaking
 * nothing. Paths outside every application reach the server root's code-free application, whose
 * error pages are problem files (README, "The container's own refusals").
 */
class ContainerRefusalsIT extends TetherIT {

    /** The status line, the header lines and the body of a raw exchange. */
    private record Raw(int status, List<String> headers, String body) {
        List<String> headerNames() {
            return headers.stream()
                    .map(h -> h.indexOf(':') < 0 ? h : h.substring(0, h.indexOf(':')))
                    .toList();
        }

        String header(String name) {
            return headers.stream()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(h -> h.substring(name.length() + 1).trim())
                    .findFirst()
                    .orElse("");
        }
    }

    private Raw send(String requestLine, String... headers) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            request.append("Host: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String[] lines = head.split("\r\n");
            List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Raw(
                    Integer.parseInt(lines[0].split(" ")[1]), headerLines, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final List<String> failures = new ArrayList<>();

    /** Checks one answer, collecting what is wrong, so that one run shows every case. */
    private void assertTethersShape(String name, Raw answer, boolean sees) {
        try {
            checkShape(name, answer, sees);
        } catch (AssertionError e) {
            failures.add(name + " -> " + answer.status() + " " + e.getMessage());
        }
    }

    private static void checkShape(String name, Raw answer, boolean sees) {
        String all = answer.status() + "\n" + String.join("\n", answer.headers()) + "\n\n" + answer.body();
        assertTrue(answer.status() >= 400 && answer.status() < 500, name + ": " + all);
        if (sees) {
            assertTrue(answer.header("content-type").startsWith("application/json"), name + ": " + all);
            assertTrue(answer.body().contains("\"isAllowed\":false"), name + ": " + all);
        } else {
            assertEquals("application/problem+json", answer.header("content-type"), name + ": " + all);
            assertTrue(answer.body().contains("\"type\":\"https://tether.dev/problems/"), name + ": " + all);
        }
        String lower = all.toLowerCase(Locale.ROOT);
        for (String product : List.of("liberty", "websphere", "wildfly", "undertow", "resteasy", "jboss")) {
            assertFalse(lower.contains(product), name + ": names " + product + ": " + all);
        }
        assertFalse(all.matches("(?s).*\\b[A-Z]{4,5}[0-9]{4,6}[IEW]?:.*"), name + ": a message id: " + all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), name + ": " + all);
        assertNoInternalHeaderNames(name + ": " + all, answer.headerNames());
        assertFalse(lower.contains("<html"), name + ": " + all);
    }

    @Test
    void theContainersOwnRefusalsSpeakTethersShapes() {
        String root = base.getPath().endsWith("/")
                ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        String[][] cases = {
            {"encoded slash", "GET " + root + "/api/audit%2Fevents HTTP/1.1"},
            {"encoded dot segments", "GET " + root + "/api/%2e%2e/no-such-path HTTP/1.1"},
            {"dot segments", "GET " + root + "/api/../no-such-path HTTP/1.1"},
            {"unknown path", "GET " + root + "/no-such-path HTTP/1.1"},
            {"encoded backslash", "GET " + root + "/api%5Cdevices HTTP/1.1"},
            {"encoded slash on SEES's neighbour", "POST " + root + "/sees%2Fentitlement HTTP/1.1"}
        };
        for (String[] c : cases) {
            assertTethersShape(c[0], send(c[1]), false);
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of(Player.SEES, Player.SEES_SERVLET)) {
                Raw answer = send(method + " " + root + path + " HTTP/1.1");
                assertTethersShape(method + " " + path, answer, true);
            }
        }
        // TRACE reaches no servlet's default doTrace, which echoes the request's headers, the
        // credential included. On WildFly host filters answer it everywhere (405); on Liberty
        // Tether's servlets refuse it (405, or 404 where the path is no resource of Tether's).
        // Liberty's static file servlet refuses it at the server root's application with an empty
        // 403 its error page cannot reach (the error dispatch is refused the same way): held to
        // leaking nothing (README, "The container's own refusals").
        boolean wildfly = "wildfly".equals(System.getProperty("tether.server", "liberty"));
        for (String path :
                List.of(root + "/api/devices", root + Player.SEES, root + "/no-such-path", "/no-such-path", "/")) {
            String name = "TRACE " + path;
            Raw answer = send("TRACE " + path + " HTTP/1.1", "Authorization: Bearer secret-token-value");
            boolean tethers = path.startsWith(root + "/");
            try {
                checkNoLeak(name, answer);
                if (wildfly || tethers) {
                    checkShape(name, answer, path.equals(root + Player.SEES));
                    assertTrue(
                            answer.status() == 405 || (!wildfly && path.endsWith("/no-such-path")),
                            name + ": " + answer.status());
                } else {
                    assertEquals(403, answer.status(), name);
                    assertEquals("0", answer.header("content-length"), name + ": " + answer.headers());
                }
            } catch (AssertionError e) {
                failures.add(name + " -> " + answer.status() + " " + e.getMessage());
            }
        }
        assertTethersShape(
                "unparseable content type",
                send(
                        "PUT " + root + "/api/admin/users/x/device-limit HTTP/1.1",
                        "Content-Type: ;;;=",
                        "Content-Length: 0"),
                false);
        for (String[] c : new String[][] {
            {"double slashes", "GET " + root + "//api//no-such-path HTTP/1.1"},
            {"a dot segment", "GET " + root + "/api/./no-such-path HTTP/1.1"},
            {"a climbing dot segment", "GET " + root + "/api/devices/../../no-such-path HTTP/1.1"},
            {"a path parameter", "GET " + root + "/api/no-such-path;jsessionid=x HTTP/1.1"},
            {"double encoding", "GET " + root + "/api/%252e%252e/no-such-path HTTP/1.1"},
            {"an encoded slash in an id", "GET " + root + "/api/admin/device-resets/1%2F2 HTTP/1.1"},
            {"an unknown path under the API", "DELETE " + root + "/api/no-such-path/1 HTTP/1.1"}
        }) {
            assertTethersShape(c[0], send(c[1]), false);
        }
        // Under /sees/ the container's refusal is in SEES form, whatever the rest of the path; a
        // server that decodes the dot segment first (WildFly) resolves it to /api, which answers
        // as the API does. Either is Tether's shape, and the shape must fit the path it answered.
        Raw climbing = send("GET " + root + "/sees/%2e%2e/api HTTP/1.1");
        boolean answeredAsSees = climbing.header("content-type").startsWith("application/json");
        assertTethersShape("an encoded dot segment under SEES", climbing, answeredAsSees);
        // Signed in, so that a type the container parses reaches Tether's own check (400
        // bad-content-type) rather than the server's empty 401.
        String admin = http.token(newUser("admin"), "admin");
        for (String contentType : List.of("application/json; charset", "/json", "application/json; =utf-8")) {
            assertTethersShape(
                    "content type " + contentType,
                    send(
                            "PUT " + root + "/api/admin/users/x/device-limit HTTP/1.1",
                            "Authorization: Bearer " + admin,
                            "Content-Type: " + contentType,
                            "Content-Length: 0"),
                    false);
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /**
     * What each server refuses before it chooses an application (README, "The container's own
     * refusals"): no error page of Tether's can answer these, so each must at least name no
     * product and carry no exception, stack, HTML beyond a one-line message or internal header;
     * the one message id allowed is Liberty's CWWWC0005I for a URI it cannot decode.
     */
    @Test
    void whatTheServerRefusesBeforeAnyApplicationLeaksNothing() {
        String root = base.getPath().endsWith("/")
                ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        String[][] cases = {
            {"backslash", "GET " + root + "/api\\devices HTTP/1.1"},
            {"%00", "GET " + root + "/api/devices%00 HTTP/1.1"},
            {"%ZZ", "GET " + root + "/api/%ZZ HTTP/1.1"},
            {"an encoded line feed", "GET " + root + "/api/x%0Ay HTTP/1.1"},
            {"a truncated escape", "GET " + root + "/api/x%2 HTTP/1.1"},
            {"the root application's descriptor", "GET /WEB-INF/web.xml HTTP/1.1"},
            {"the root application's error document", "GET /WEB-INF/problems/not-found.json HTTP/1.1"},
            {"HEAD of the root application's error document", "HEAD /WEB-INF/problems/not-found.json HTTP/1.1"}
        };
        for (String[] c : cases) {
            Raw answer = send(c[1], "Authorization: Bearer secret-token-value");
            try {
                checkNoLeak(c[0], answer);
            } catch (AssertionError e) {
                failures.add(c[0] + " -> " + answer.status() + " " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /**
     * Paths outside Tether and the simulator, the server root included, reach the server root's
     * code-free application (liberty/root), whose error pages are problem files: the status the
     * server chose (404; 405 for a method its static files refuse; 403 where WildFly refuses to
     * list the root folder), with the problem of that status, and nothing of the server's.
     */
    @Test
    void pathsOutsideEveryApplicationAnswerProblems() {
        String[][] cases = {
            {"the server root", "GET / HTTP/1.1"},
            {"a path outside any application", "GET /no-such-application/x HTTP/1.1"},
            {"a POST outside any application", "POST /no-such-application HTTP/1.1"},
            {"a HEAD outside any application", "HEAD /no-such-application HTTP/1.1"},
            {"a PUT outside any application", "PUT /no-such-application/x HTTP/1.1"},
            {"a DELETE outside any application", "DELETE /no-such-application/x HTTP/1.1"},
            {"a deep path outside any application", "GET /a/b/c/d/e/f/g/index.html HTTP/1.1"},
            {"a query outside any application", "GET /no-such-application?q=%3Cscript%3E&x=1 HTTP/1.1"},
            {"a neighbour of Tether's context root", "GET /tetherx/api/devices HTTP/1.1"},
            // The error documents live under WEB-INF, reached only by the error dispatch: where
            // they stood before (/problems/), a client read them with 200.
            {"an error document's old place", "GET /problems/not-found.json HTTP/1.1"},
            {"another error document's old place", "GET /problems/bad-request.json HTTP/1.1"},
            {"HEAD of an error document's old place", "HEAD /problems/method-not-allowed.json HTTP/1.1"}
        };
        for (String[] c : cases) {
            checkOutside(c[0], c[1], send(c[1], "Authorization: Bearer secret-token-value", "Content-Length: 0"));
        }
        // Liberty's web container adds its private $WSEP header to an error answer when the request
        // says it came through WebSphere's "On-Demand Router" proxy, whatever its own settings; a
        // client can say so in Via.
        String router = "GET /no-such-application HTTP/1.1";
        checkOutside("through an On-Demand Router, it says", router, send(router, "Via: 1.1 On-Demand Router"));
        assertTethersShape(
                "Tether's refusal through an On-Demand Router, it says",
                send("GET " + base.getPath().replaceAll("/$", "") + "/api%5Cdevices HTTP/1.1", "Via: On-Demand Router"),
                false);
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    /** Checks one answer of the server root's application to {@code requestLine}, collecting what is wrong. */
    private void checkOutside(String name, String requestLine, Raw answer) {
        boolean get = requestLine.startsWith("GET ") || requestLine.startsWith("HEAD ");
        try {
            checkNoLeak(name, answer);
            String all = answer.status() + "\n" + String.join("\n", answer.headers()) + "\n\n" + answer.body();
            boolean root = requestLine.startsWith("GET / ");
            assertTrue(
                    answer.status() == 404 || (!get && answer.status() == 405) || (root && answer.status() == 403),
                    name + ": " + all);
            assertEquals("application/problem+json", answer.header("content-type"), name + ": " + all);
            if (!requestLine.startsWith("HEAD ")) {
                String type = switch (answer.status()) {
                    case 403 -> "forbidden";
                    case 404 -> "not-found";
                    default -> "method-not-allowed";
                };
                assertTrue(
                        answer.body().contains("\"type\":\"https://tether.dev/problems/" + type + "\""),
                        name + ": " + all);
                assertTrue(answer.body().contains("\"status\":" + answer.status()), name + ": " + all);
            }
        } catch (AssertionError e) {
            failures.add(name + " -> " + answer.status() + " " + e.getMessage());
        }
    }

    private static void checkNoLeak(String name, Raw answer) {
        String all = answer.status() + "\n" + String.join("\n", answer.headers()) + "\n\n" + answer.body();
        assertTrue(answer.status() >= 400 && answer.status() < 500, name + ": " + all);
        String lower = all.toLowerCase(Locale.ROOT);
        for (String product : List.of("liberty", "websphere", "wildfly", "undertow", "resteasy", "jboss")) {
            assertFalse(lower.contains(product), name + ": names " + product + ": " + all);
        }
        assertFalse(
                all.replace("CWWWC0005I", "").matches("(?s).*\\b[A-Z]{4,5}[0-9]{4,6}[IEW]?:.*"),
                name + ": a message id: " + all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), name + ": " + all);
        assertNoInternalHeaderNames(name + ": " + all, answer.headerNames());
        assertFalse(all.contains("secret-token-value"), name + ": echoes the credential: " + all);
        if (answer.header("content-type").startsWith("application/problem+json")
                && !answer.body().isEmpty()) {
            assertTrue(answer.body().contains("\"type\":\"https://tether.dev/problems/"), name + ": " + all);
        }
    }
}
