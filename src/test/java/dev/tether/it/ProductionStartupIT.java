package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Tether on a real Open Liberty outside the development profile, on servers of its own made from
 * the test server's configuration (liberty/): bare, it must not come up, and its log must name
 * every missing key; with a complete production configuration (HTTPS with a keystore of its own,
 * the simulator WAR over HTTPS as ExpressPlay, the development SSO's keys as the IdP's) it serves
 * the device-binding flow. Liberty only: the WildFly build excludes it.
 */
class ProductionStartupIT {

    private static final Path WLP = Path.of("target/liberty/wlp");
    private static final Path TEST_SERVER = WLP.resolve("usr/servers/tether");
    private static final Duration START = Duration.ofSeconds(180);
    private static final List<String> REQUIRED = List.of("tether.content.master-keys", "tether.content.active-master-key",
            "tether.expressplay.customer-authenticator", "expressplay-token/mp-rest/url", "expressplay-records/mp-rest/url",
            "mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location");

    @Test
    void withoutTheDevProfileAndWithoutConfigurationTetherDoesNotComeUpAndNamesEveryMissingKey() throws Exception {
        Path server = newServer("tether-bare", 9082, 9445, "absent", List.of());
        try {
            start("tether-bare");
            Path log = server.resolve("logs/messages.log");
            String messages = waitFor(log, text -> text.contains("CWWKZ0012I: The application tether was not started")
                    || text.contains("CWWKZ0001I: Application tether started"));
            for (String key : REQUIRED) {
                assertTrue(messages.contains("Refusing to start: " + key), key + " is not named:\n" + messages);
            }
            assertFalse(messages.contains("CWWKZ0001I: Application tether started"), "Tether started without configuration");
            assertTrue(messages.contains("CWWKZ0012I: The application tether was not started"), "the application's start did not fail");
            assertFalse(messages.contains("Database schema up to date"), "the check must run before anything touches the database");
        } finally {
            stop("tether-bare");
        }
    }

    @Test
    void withACompleteProductionConfigurationItServesTheDeviceBindingFlowOverHttps() throws Exception {
        String password = UUID.randomUUID().toString();
        Path keystore = Files.createTempDirectory("tether-tls").resolve("tls.p12");
        run("keytool", "-genkeypair", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password,
                "-alias", "default", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        String authenticator = "4242," + HexFormat.of().formatHex(random(16));
        String origin = "https://localhost:9446";
        List<String> env = List.of(
                "TETHER_TLS_KEYSTORE=" + keystore.toAbsolutePath(),
                "TETHER_TLS_KEYSTORE_PASSWORD=" + password,
                "TETHER_CONTENT_MASTER_KEYS=prod-1:" + Base64.getEncoder().encodeToString(masterKey),
                "TETHER_CONTENT_ACTIVE_MASTER_KEY=prod-1",
                "TETHER_EXPRESSPLAY_CUSTOMER_AUTHENTICATOR=" + authenticator,
                "SIMULATOR_CUSTOMER_AUTHENTICATORS=" + authenticator,
                "EXPRESSPLAY_TOKEN_MP_REST_URL=" + origin + "/simulator/expressplay",
                "EXPRESSPLAY_RECORDS_MP_REST_URL=" + origin + "/simulator/expressplay",
                "MP_JWT_VERIFY_ISSUER=https://sso.tether.dev",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + origin + "/simulator/sso/jwks");
        Path server = newServer("tether-prod", 9083, 9446, "deployed", env);
        try {
            start("tether-prod");
            String messages = waitFor(server.resolve("logs/messages.log"),
                    text -> text.contains("CWWKZ0012I: The application tether was not started")
                            || text.contains("CWWKZ0001I: Application tether started"));
            assertTrue(messages.contains("CWWKZ0001I: Application tether started"), messages);
            assertTrue(messages.contains("Configuration checked: every secret and trust anchor is set"), messages);
            assertFalse(messages.contains("under the dev profile"), messages);

            Https https = new Https(origin, keystore, password);
            String admin = https.token("admin-" + UUID.randomUUID(), "admin");
            https.addContent(admin, "tether-registration", true);
            https.addContent(admin, "prod-movie", false);
            String subscriber = https.token("alice-" + UUID.randomUUID(), "subscriber");
            String deviceA = HexFormat.of().formatHex(random(20));
            String deviceB = HexFormat.of().formatHex(random(20));

            JsonObject registration = https.sees(subscriber, 2, "prod-movie", null);
            assertTrue(registration.getBoolean("isAllowed"), registration.toString());
            assertEquals(200, https.redeem(registration.getString("epTokenURL"), https.spc(deviceA, "tether-registration")).statusCode());
            JsonObject bound = https.sees(subscriber, 3, "prod-movie", registration.getString("customerCookie"));
            assertTrue(bound.getBoolean("isAllowed"), bound.toString());
            assertTrue(bound.getString("epTokenURL").startsWith(origin + "/simulator/"), bound.toString());

            assertEquals(200, https.redeem(bound.getString("epTokenURL"), https.spc(deviceA, "prod-movie")).statusCode(),
                    "device A is licensed");
            HttpResponse<String> other = https.redeem(bound.getString("epTokenURL"), https.spc(deviceB, "prod-movie"));
            assertEquals(400, other.statusCode(), "device B is refused: " + other.body());
        } finally {
            stop("tether-prod");
        }
    }

    /** A server beside the test server, with its configuration (liberty/) and its own ports, in production mode. */
    private static Path newServer(String name, int httpPort, int httpsPort, String simulator, List<String> env) throws IOException {
        Path server = WLP.resolve("usr/servers").resolve(name);
        if (Files.exists(server)) {
            try (Stream<Path> old = Files.walk(server)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(server.resolve("dropins"));
        Files.createDirectories(server.resolve("jdbc"));
        try (Stream<Path> files = Files.list(TEST_SERVER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml") || f.getFileName().toString().equals("jvm.options")).toList()) {
                Files.copy(file, server.resolve(file.getFileName()));
            }
        }
        Files.copy(TEST_SERVER.resolve("jdbc/h2.jar"), server.resolve("jdbc/h2.jar"));
        Files.copy(Path.of(System.getProperty("tether.war", "target/tether.war")), server.resolve("dropins/tether.war"));
        Files.writeString(server.resolve("bootstrap.properties"), String.join("\n",
                "tether.db=h2", "tether.mode=production", "tether.simulator=" + simulator,
                "tether.simulator.app=" + Path.of("target/simulator-loose/expressplay-simulator.war.xml").toAbsolutePath(), ""));
        List<String> lines = new ArrayList<>(List.of("HTTP_PORT=" + httpPort, "HTTPS_PORT=" + httpsPort,
                // Arquillian's Liberty adapter looks for a running "tether" JVM among the attachable ones.
                "JVM_ARGS=-XX:-UsePerfData"));
        lines.addAll(env);
        Files.writeString(server.resolve("server.env"), String.join("\n", lines) + "\n");
        return server;
    }

    private static void start(String name) throws Exception {
        run(WLP.resolve("bin/server").toString(), "start", name);
    }

    private static void stop(String name) throws Exception {
        run(WLP.resolve("bin/server").toString(), "stop", name);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(START.toSeconds(), TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    /** The log once {@code done} holds of it, waited for as a state, not for a guessed time. */
    private static String waitFor(Path log, java.util.function.Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(START);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = Files.exists(log) ? Files.readString(log) : "";
            if (done.test(text)) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached within " + START + ":\n" + text);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    /** A client that trusts the server's own certificate, as a caller given it would. */
    private static final class Https {
        private final String origin;
        private final HttpClient http;

        Https(String origin, Path keystore, String password) throws Exception {
            this.origin = origin;
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        }

        String token(String user, String groups) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(origin + "/simulator/sso/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + enc(user) + "&groups=" + enc(groups))).build());
            assertEquals(200, response.statusCode(), response.body());
            return json(response.body()).getString("access_token");
        }

        void addContent(String admin, String contentId, boolean registration) throws Exception {
            String body = Json.createObjectBuilder().add("contentId", contentId)
                    .add("key", HexFormat.of().formatHex(random(16))).add("iv", HexFormat.of().formatHex(random(16)))
                    .add("tokenLifetimeSeconds", 3600).add("rentalDurationSeconds", 0)
                    .add("deviceBindingRequired", false).add("registration", registration).build().toString();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(origin + "/tether/api/admin/content"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(201, response.statusCode(), response.body());
        }

        JsonObject sees(String bearer, int requestType, String contentId, String cookie) throws Exception {
            var body = Json.createObjectBuilder().add("messageID", UUID.randomUUID().toString()).add("version", 1)
                    .add("requestType", requestType).add("contentID", contentId);
            if (cookie != null) {
                body.add("customerCookie", cookie);
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(origin + "/tether/sees/entitlement"))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
            assertEquals(200, response.statusCode(), response.body());
            return json(response.body());
        }

        byte[] spc(String deviceId, String assetId) throws Exception {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create(origin + "/simulator/devices/" + deviceId + "/spc?assetId=" + enc(assetId)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            return response.body();
        }

        HttpResponse<String> redeem(String tokenUrl, byte[] spc) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(tokenUrl)).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(spc)).build());
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private static JsonObject json(String body) {
            return Json.createReader(new StringReader(body)).readObject();
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
