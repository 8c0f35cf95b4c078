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
 * stack trace. Not yet covered (see the README): a percent escape Liberty cannot decode and paths
 * outside the application, which Liberty answers before any application's error page.
 */
class ContainerRefusalsIT extends TetherIT {

    /** The status line, the headers (names in lower case) and the body of a raw exchange. */
    private record Raw(int status, List<String> headers, String body) {
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
        assertFalse(lower.contains("x-powered-by"), name + ": " + all);
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
        assertTethersShape(
                "unparseable content type",
                send(
                        "PUT " + root + "/api/admin/users/x/device-limit HTTP/1.1",
                        "Content-Type: ;;;=",
                        "Content-Length: 0"),
                false);
        // Liberty answers these through the error page; WildFly's Undertow refuses them at its
        // listener, before any application, with an empty body: no product, no message, no HTML.
        for (String[] c : new String[][] {
            {"backslash", "GET " + root + "/api\\devices HTTP/1.1"},
            {"TRACE", "TRACE " + root + "/api/devices HTTP/1.1"}
        }) {
            Raw answer = send(c[1]);
            if (!answer.body().isEmpty() || !answer.header("content-type").isEmpty()) {
                assertTethersShape(c[0], answer, false);
            } else {
                assertTrue(answer.status() == 400 || answer.status() == 405, c[0] + ": " + answer.status());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }
}
