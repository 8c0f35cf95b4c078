package dev.tether.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The Liberty server that {@code liberty:create} prepared, started on the benchmark's database
 * with the packaged WAR and stopped again; and where it answers, over HTTP and over its local
 * JMX connector. {@link ServerProcesses} only watches servers; this class is the one that starts them.
 */
final class BenchServer {

    static final String BASE = System.getProperty("bench.url", "http://localhost:9080/tether");
    /** The simulator WAR (with the development SSO) on the same server, at /simulator. */
    static final String SIMULATOR = URI.create(BASE).resolve("/").toString().replaceAll("/$", "");

    private static final Path SERVER =
            Path.of(System.getProperty("bench.server", "target/liberty/wlp/usr/servers/tether"));
    private static final Path WLP = Path.of(System.getProperty("bench.wlp", "target/liberty/wlp"));

    /** Deploys the WAR, starts the server and returns once the simulator's SSO answers. */
    void start() throws Exception {
        Path dropins = SERVER.resolve("dropins");
        Files.createDirectories(dropins);
        Files.copy(Path.of("target/tether.war"), dropins.resolve("tether.war"), StandardCopyOption.REPLACE_EXISTING);
        server("start");
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                if (client.send(
                                        HttpRequest.newBuilder(URI.create(SIMULATOR + "/simulator/sso/jwks"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                AuditBenchmark.log("waiting for Tether (%s)", e.getClass().getSimpleName());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Tether did not start");
    }

    void stop() throws Exception {
        server("stop");
        Files.deleteIfExists(SERVER.resolve("dropins/tether.war"));
    }

    /** The server JVM's local JMX connector, or null if it has published none. */
    JMXConnector jmx() throws IOException {
        Path address = SERVER.resolve("logs/state/com.ibm.ws.jmx.local.address");
        if (!Files.isRegularFile(address)) {
            return null;
        }
        return JMXConnectorFactory.connect(
                new JMXServiceURL(Files.readString(address).trim()));
    }

    private static void server(String action) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, "tether").inheritIO();
        builder.environment().put("PG_DATABASE", BenchDatabase.DATABASE);
        int exit = builder.start().waitFor();
        if (exit != 0 && action.equals("start")) {
            throw new IllegalStateException("server start answered " + exit);
        }
    }
}
