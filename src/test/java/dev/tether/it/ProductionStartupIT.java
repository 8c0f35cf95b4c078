package dev.tether.it;

import static dev.tether.it.Eventually.eventually;
import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.ledger.CheckpointKeys;
import dev.tether.audit.ledger.CheckpointView;
import dev.tether.audit.ledger.LedgerJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
    private static final List<String> REQUIRED = List.of(
            "tether.content.master-keys",
            "tether.content.active-master-key",
            "tether.expressplay.customer-authenticator",
            "expressplay-token/mp-rest/url",
            "expressplay-records/mp-rest/url",
            "mp.jwt.verify.issuer",
            "mp.jwt.verify.publickey.location",
            "tether.audit.checkpoint.signing-key",
            "tether.audit.checkpoint.public-keys");

    @Test
    void withoutTheDevProfileAndWithoutConfigurationTetherDoesNotComeUpAndNamesEveryMissingKey() throws Exception {
        Path server = newServer("tether-bare", 9082, 9445, "absent", List.of());
        try {
            start("tether-bare");
            Path log = server.resolve("logs/messages.log");
            String messages = waitFor(
                    log,
                    text -> text.contains("CWWKZ0012I: The application tether was not started")
                            || text.contains("CWWKZ0001I: Application tether started"));
            for (String key : REQUIRED) {
                assertTrue(messages.contains("Refusing to start: " + key), key + " is not named:\n" + messages);
            }
            assertFalse(
                    messages.contains("CWWKZ0001I: Application tether started"),
                    "Tether started without configuration");
            assertTrue(
                    messages.contains("CWWKZ0012I: The application tether was not started"),
                    "the application's start did not fail");
            assertFalse(
                    messages.contains("Database schema up to date"),
                    "the check must run before anything touches the database");
        } finally {
            stop("tether-bare");
        }
    }

    @Test
    void withACompleteProductionConfigurationItServesTheDeviceBindingFlowOverHttps() throws Exception {
        HttpResponse<byte[]> other = deviceBoundTokenRedeemedByAnotherDevice("tether-prod", 9083, 9446, List.of());

        assertEquals(400, other.statusCode(), "device B is refused: " + Http.text(other));
    }

    /**
     * The flow's promise rests on the device restriction's name: configured with a name the
     * simulated ExpressPlay does not know (as the real one is assumed to ignore it), Tether gets a
     * token bound to no device, and the device-binding flow's check (device B refused) fails.
     */
    @Test
    void aWrongDeviceParameterNameInTethersConfigurationBreaksTheDeviceBinding() throws Exception {
        HttpResponse<byte[]> other = deviceBoundTokenRedeemedByAnotherDevice(
                "tether-misnamed", 9084, 9447, List.of("TETHER_EXPRESSPLAY_DEVICE_ID_PARAMETER=deviceId"));

        assertEquals(200, other.statusCode(), "with the wrong name, the token is bound to no device");
    }

    /**
     * Starts a production-configured server (HTTPS with its own keystore, the simulator over HTTPS
     * as ExpressPlay, the development SSO's keys as the IdP's), runs registration, redemption on
     * device A and a device-bound token, checks A is licensed, and returns B's try with that token.
     */
    private static HttpResponse<byte[]> deviceBoundTokenRedeemedByAnotherDevice(
            String name, int httpPort, int httpsPort, List<String> extraEnv) throws Exception {
        String password = UUID.randomUUID().toString();
        Path keystore = Files.createTempDirectory("tether-tls").resolve("tls.p12");
        run(
                "keytool",
                "-genkeypair",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                password,
                "-alias",
                "default",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        String authenticator = "4242," + HexFormat.of().formatHex(random(16));
        String origin = "https://localhost:" + httpsPort;
        KeyPair checkpointKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String checkpointPublicKeys = "prod-1:"
                + Base64.getEncoder().encodeToString(checkpointKey.getPublic().getEncoded());
        Path checkpointFile =
                WLP.resolve("usr/servers/" + name + "-checkpoints.jsonl").toAbsolutePath();
        Files.deleteIfExists(checkpointFile);
        List<String> env = new ArrayList<>(List.of(
                "TETHER_AUDIT_CHECKPOINT_SIGNING_KEY=prod-1:"
                        + Base64.getEncoder()
                                .encodeToString(checkpointKey.getPrivate().getEncoded()),
                "TETHER_AUDIT_CHECKPOINT_PUBLIC_KEYS=" + checkpointPublicKeys,
                "TETHER_AUDIT_CHECKPOINT_FILE=" + checkpointFile,
                "TETHER_TLS_KEYSTORE=" + keystore.toAbsolutePath(),
                "TETHER_TLS_KEYSTORE_PASSWORD=" + password,
                "TETHER_CONTENT_MASTER_KEYS=prod-1:" + Base64.getEncoder().encodeToString(masterKey),
                "TETHER_CONTENT_ACTIVE_MASTER_KEY=prod-1",
                "TETHER_EXPRESSPLAY_CUSTOMER_AUTHENTICATOR=" + authenticator,
                "SIMULATOR_CUSTOMER_AUTHENTICATORS=" + authenticator,
                "EXPRESSPLAY_TOKEN_MP_REST_URL=" + origin + "/simulator/expressplay",
                "EXPRESSPLAY_RECORDS_MP_REST_URL=" + origin + "/simulator/expressplay",
                "MP_JWT_VERIFY_ISSUER=https://sso.tether.dev",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + origin + "/simulator/sso/jwks"));
        env.addAll(extraEnv);
        Path server = newServer(name, httpPort, httpsPort, "deployed", env);
        try {
            start(name);
            String messages = waitFor(
                    server.resolve("logs/messages.log"),
                    text -> text.contains("CWWKZ0012I: The application tether was not started")
                            || text.contains("CWWKZ0001I: Application tether started"));
            assertTrue(messages.contains("CWWKZ0001I: Application tether started"), messages);
            assertTrue(messages.contains("Configuration checked: every secret and trust anchor is set"), messages);
            assertFalse(messages.contains("under the dev profile"), messages);

            Http https = new Http(origin + "/tether", origin, trusting(keystore, password));
            Admin asAdmin = new Admin(https);
            Player asPlayer = new Player(https);
            String admin = https.token("admin-" + UUID.randomUUID(), "admin");
            addContent(asAdmin, admin, Player.REGISTRATION_CONTENT, true);
            addContent(asAdmin, admin, "prod-movie", false);
            String subscriber = https.token("alice-" + UUID.randomUUID(), "subscriber");
            String deviceA = Player.newDevice();
            String deviceB = Player.newDevice();

            JsonObject registration = asPlayer.entitlement(subscriber, Player.request(2, "prod-movie"));
            assertTrue(registration.getBoolean("isAllowed"), registration.toString());
            assertTrue(
                    registration.getString("epTokenURL").startsWith("https://"),
                    "useHttps=true gets an https token URL: " + registration);
            assertEquals(
                    200,
                    asPlayer.redeem(
                                    registration.getString("epTokenURL"),
                                    asPlayer.spc(deviceA, Player.REGISTRATION_CONTENT))
                            .statusCode());
            JsonObject bound = asPlayer.entitlement(
                    subscriber, Player.request(3, "prod-movie", registration.getString("customerCookie")));
            assertTrue(bound.getBoolean("isAllowed"), bound.toString());
            assertTrue(bound.getString("epTokenURL").startsWith(origin + "/simulator/"), bound.toString());

            assertEquals(
                    200,
                    asPlayer.redeem(bound.getString("epTokenURL"), asPlayer.spc(deviceA, "prod-movie"))
                            .statusCode(),
                    "device A is licensed");
            HttpResponse<byte[]> other =
                    asPlayer.redeem(bound.getString("epTokenURL"), asPlayer.spc(deviceB, "prod-movie"));

            // The first event was checkpointed at once, signed with the production key, and the
            // checkpoint reached the configured file once committed.
            List<CheckpointView> written = LedgerJson.checkpoints(Files.readString(checkpointFile));
            assertFalse(written.isEmpty(), "no checkpoint in " + checkpointFile);
            CheckpointKeys keys = CheckpointKeys.verifying(checkpointPublicKeys);
            assertTrue(
                    written.stream()
                            .allMatch(c -> c.verifiedBy(keys) && c.keyId().equals("prod-1")),
                    written.toString());
            return other;
        } finally {
            stop(name);
        }
    }

    /** A server beside the test server, with its configuration (liberty/) and its own ports, in production mode. */
    private static Path newServer(String name, int httpPort, int httpsPort, String simulator, List<String> env)
            throws IOException {
        Path server = WLP.resolve("usr/servers").resolve(name);
        if (Files.exists(server)) {
            try (Stream<Path> old = Files.walk(server)) {
                old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(server.resolve("dropins"));
        Files.createDirectories(server.resolve("jdbc"));
        try (Stream<Path> files = Files.list(TEST_SERVER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")
                            || f.getFileName().toString().equals("jvm.options"))
                    .toList()) {
                Files.copy(file, server.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.walk(TEST_SERVER.resolve("root"))) {
            for (Path file : files.toList()) {
                Files.copy(file, server.resolve(TEST_SERVER.relativize(file)));
            }
        }
        Files.copy(TEST_SERVER.resolve("jdbc/h2.jar"), server.resolve("jdbc/h2.jar"));
        Files.copy(
                Path.of(System.getProperty("tether.war", "target/tether.war")), server.resolve("dropins/tether.war"));
        Files.writeString(
                server.resolve("bootstrap.properties"),
                String.join(
                        "\n",
                        "tether.db=h2",
                        "tether.mode=production",
                        "tether.simulator=" + simulator,
                        "tether.simulator.app="
                                + Path.of("target/simulator-loose/expressplay-simulator.war.xml")
                                        .toAbsolutePath(),
                        ""));
        List<String> lines = new ArrayList<>(List.of(
                "HTTP_PORT=" + httpPort,
                "HTTPS_PORT=" + httpsPort,
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
    private static String waitFor(Path log, Predicate<String> done) throws InterruptedException {
        return eventually(START, () -> read(log), done);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A title the production server starts without: the catalog is the admin's to fill. */
    private static void addContent(Admin asAdmin, String admin, String contentId, boolean registration) {
        expect(
                201,
                asAdmin.addContent(
                        admin,
                        Admin.title(contentId, Admin.newKey(), 3600, 0, null, false)
                                .add("registration", registration)
                                .build()
                                .toString()));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    /** A client that trusts the server's own certificate, as a caller given it would. */
    private static HttpClient trusting(Path keystore, String password) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
