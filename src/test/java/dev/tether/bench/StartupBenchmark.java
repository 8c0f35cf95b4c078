package dev.tether.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The start-up benchmark, not a test: Tether's start-to-ready beside the same Liberty server (the
 * same server.xml, features, jvm.options and bootstrap properties) with an empty WAR instead, in
 * turns, in one run. Both copies are made from the server {@code liberty:run} prepares
 * ({@code startup.source}, by default {@code target/liberty/wlp/usr/servers/tether}), without the
 * simulator, so that the difference is Tether's WAR alone. Each start is
 * {@code server start}, Liberty's own "started in" figure (JVM launch to "ready to run"), then
 * {@code server stop}. The first start of each copy is also its first ever (an empty OSGi cache and,
 * for Tether, an empty database the migrations fill); the table gives it apart and the median of
 * the others.
 */
public final class StartupBenchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class.getName());

    private static final Path WLP = Path.of(System.getProperty("startup.wlp", "target/liberty/wlp"));
    private static final Path SOURCE = Path.of(System.getProperty("startup.source", WLP + "/usr/servers/tether"));
    private static final int ROUNDS = Integer.getInteger("startup.rounds", 4);
    private static final Path REPORT = Path.of(System.getProperty("startup.report", "target/bench/startup.md"));
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /**
     * Class data sharing: each copy first starts once with {@code -XX:ArchiveClassesAtExit} (its
     * first-ever start, which writes a dynamic archive of the classes it loaded when it stops), then
     * every measured start maps that archive ({@code -XX:SharedArchiveFile}).
     */
    private static final boolean CDS = Boolean.getBoolean("startup.cds");
    /**
     * JVM options added to both copies' {@code jvm.options}, whitespace-separated: a setting to try
     * on both sides (a system property, a collector), or a Flight Recorder recording of each start
     * ({@code -XX:StartFlightRecording=filename=/tmp/{server}.jfr,settings=profile}: {@code {server}}
     * is the copy's name, and each start overwrites its copy's recording, so the last start's stays).
     */
    private static final String JVM_OPTIONS =
            System.getProperty("startup.jvm-options", "").strip();

    /** Copied from the source server: its configuration, not its state. */
    private static final List<String> LEFT_OUT = List.of("logs", "workarea", "dropins", "apps", "data", "tranlog");

    public static void main(String[] args) throws Exception {
        new StartupBenchmark().run();
    }

    private void run() throws Exception {
        Path war = Files.list(SOURCE.resolve("dropins"))
                .filter(p -> p.getFileName().toString().endsWith(".war"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no WAR in " + SOURCE.resolve("dropins")
                        + ": run mvn liberty:run (or -Pstartup verify) first"));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        seconds.put("tether-startup", new ArrayList<>());
        seconds.put("empty-startup", new ArrayList<>());
        prepare("tether-startup", war);
        prepare("empty-startup", emptyWar());
        Map<String, Double> training = new LinkedHashMap<>();
        if (CDS) {
            for (String server : seconds.keySet()) {
                Path jvmOptions = WLP.resolve("usr/servers").resolve(server).resolve("jvm.options");
                Path archive = jvmOptions.resolveSibling("classes.jsa").toAbsolutePath();
                String options = Files.exists(jvmOptions) ? Files.readString(jvmOptions) : "";
                // Liberty runs with its Java agent (ws-javaagent.jar): HotSpot archives with one only when told to.
                String agent = "\n-XX:+UnlockDiagnosticVMOptions\n-XX:+AllowArchivingWithJavaAgent";
                Files.writeString(jvmOptions, options + agent + "\n-XX:ArchiveClassesAtExit=" + archive + "\n");
                double s = start(server);
                LOG.info(() -> server + " (training, writes " + archive + ") started in " + s + " s");
                training.put(server, s);
                awaitArchive(archive);
                Files.writeString(jvmOptions, options + agent + "\n-XX:SharedArchiveFile=" + archive + "\n");
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, List<Double>> server : seconds.entrySet()) {
                double s = start(server.getKey());
                LOG.info(() -> server.getKey() + " started in " + s + " s");
                server.getValue().add(s);
            }
        }
        List<Double> tether = seconds.get("tether-startup");
        List<Double> empty = seconds.get("empty-startup");
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Start to ready, %s, Liberty's own figure, %d starts each in turns (%s, without the simulator%s):%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                ROUNDS,
                SOURCE,
                CDS
                        ? String.format(
                                Locale.ROOT,
                                "; class data sharing: a training start first, which wrote each copy's archive:"
                                        + " Tether's %.2f s, the empty WAR's %.2f s; the starts below map it",
                                training.get("tether-startup"),
                                training.get("empty-startup"))
                        : ""));
        out.append("| server | first start s | median of the others s | all s |\n|---|---:|---:|---|\n");
        out.append(row("Tether's WAR", tether)).append(row("an empty WAR", empty));
        out.append(String.format(
                Locale.ROOT,
                "%nTether ÷ empty: first start %.2f, later starts %.2f (goal: at most 1.5).%n",
                tether.get(0) / empty.get(0),
                medianOfLater(tether) / medianOfLater(empty)));
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, out.toString());
        LOG.info(() -> "\n" + out + "\n(also in " + REPORT + ")");
    }

    private static String row(String name, List<Double> seconds) {
        return String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %s |%n",
                name,
                seconds.get(0),
                medianOfLater(seconds),
                seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }

    private static double medianOfLater(List<Double> seconds) {
        List<Double> later = seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()).stream()
                .sorted()
                .toList();
        int n = later.size();
        return n % 2 == 1 ? later.get(n / 2) : (later.get(n / 2 - 1) + later.get(n / 2)) / 2;
    }

    /** The JVM writes the archive as it exits, which can be after {@code server stop} returns. */
    private static void awaitArchive(Path archive) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long size = -1;
        while (System.nanoTime() < deadline) {
            long now = Files.exists(archive) ? Files.size(archive) : -1;
            if (now > 0 && now == size) {
                return;
            }
            size = now;
            TimeUnit.SECONDS.sleep(2);
        }
        throw new IllegalStateException("no class data archive at " + archive + " within " + TIMEOUT);
    }

    /** A fresh copy of the source server's configuration with {@code war} as its only application. */
    private static void prepare(String name, Path war) throws IOException {
        Path target = WLP.resolve("usr/servers").resolve(name);
        delete(target);
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                Path relative = SOURCE.relativize(file);
                if (relative.getNameCount() > 0
                        && LEFT_OUT.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(target.resolve("dropins"));
        Files.copy(war, target.resolve("dropins").resolve(war.getFileName()));
        if (!JVM_OPTIONS.isEmpty()) {
            Files.writeString(
                    target.resolve("jvm.options"),
                    "\n"
                            + String.join(
                                    "\n", JVM_OPTIONS.replace("{server}", name).split("\\s+")) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        // Properties files take the last of a repeated key: the simulator is left out of both copies.
        Files.writeString(
                target.resolve("bootstrap.properties"),
                "\ntether.simulator=absent\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** A WAR with nothing in it but an empty deployment descriptor. */
    private static Path emptyWar() throws IOException {
        Path war = Files.createTempFile("empty", ".war");
        try (OutputStream file = Files.newOutputStream(war);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path named = war.resolveSibling("empty.war");
        Files.move(war, named, StandardCopyOption.REPLACE_EXISTING);
        return named;
    }

    /** Starts the server, waits for it to be ready, stops it: Liberty's "started in" seconds. */
    private static double start(String name) throws IOException, InterruptedException {
        Path log = WLP.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
        delete(log.getParent());
        String server = WLP.resolve("bin/server").toString();
        run(server, "start", name);
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<Double> started = ServerProcesses.libertyStartSeconds(log);
                if (started.isPresent()) {
                    return started.get();
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            throw new IllegalStateException(name + " was not ready within " + TIMEOUT + "; see " + log);
        } finally {
            run(server, "stop", name);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        }
    }
}
