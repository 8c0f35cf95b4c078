package dev.tether.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application servers under load, read from Linux's {@code /proc}: CPU time (user + system)
 * and resident set size; and, through the JDK's {@code jstat} and {@code jcmd}, their collector's
 * counters and Flight Recorder recordings. The benchmark samples them; it never stops or
 * reconfigures them.
 */
final class ServerProcesses {

    /** What a Liberty or WildFly JVM has on its command line. */
    private static final List<String> SERVER_MARKERS = List.of("ws-server.jar", "jboss-modules.jar");

    private static final Pattern STARTED = Pattern.compile("server started in ([0-9.]+) seconds");

    /** USER_HZ, the unit of /proc/<pid>/stat's CPU times: 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private static final Logger LOG = Logger.getLogger(ServerProcesses.class.getName());

    private final List<Long> pids;

    private ServerProcesses(List<Long> pids) {
        this.pids = pids;
    }

    /**
     * The processes named in {@code flow.pids}, or else the Liberty and WildFly JVMs started from this
     * project's directory (their command line names its {@code target/}), or else, if there is none,
     * every Liberty and WildFly JVM on this machine. Other checkouts' servers on a shared machine are
     * thereby left out of the figures.
     */
    static ServerProcesses find(String explicitPids) {
        List<Long> pids = new ArrayList<>();
        if (explicitPids != null && !explicitPids.isBlank()) {
            Arrays.stream(explicitPids.split(","))
                    .map(String::strip)
                    .map(Long::valueOf)
                    .forEach(pids::add);
        } else {
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(ServerProcesses::isServer)
                        .map(p -> Long.valueOf(p.getFileName().toString()))
                        .sorted()
                        .forEach(pids::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list /proc", e);
            }
            String own = Path.of(System.getProperty("user.dir"), "target").toString() + "/";
            List<Long> ours = pids.stream()
                    .filter(pid -> read(Path.of("/proc", Long.toString(pid), "cmdline"))
                            .map(c -> c.contains(own))
                            .orElse(false))
                    .toList();
            if (!ours.isEmpty()) {
                pids = new ArrayList<>(ours);
            }
        }
        return new ServerProcesses(List.copyOf(pids));
    }

    List<Long> pids() {
        return pids;
    }

    /** CPU seconds (user + system) the servers have used since they started, summed. */
    double cpuSeconds() {
        double total = 0;
        for (long pid : pids) {
            String stat = read(Path.of("/proc", Long.toString(pid), "stat")).orElse(null);
            if (stat == null) {
                continue;
            }
            // Fields after the command name (which may hold spaces) start at field 3: utime is 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        }
        return total;
    }

    /** Resident set size now, in MB, summed over the servers. */
    double rssMegabytes() {
        return statusField("VmRSS:");
    }

    /** The highest resident set size since start (the kernel's high-water mark), in MB, summed. */
    double peakRssMegabytes() {
        return statusField("VmHWM:");
    }

    private double statusField(String field) {
        double total = 0;
        for (long pid : pids) {
            Optional<String> status = read(Path.of("/proc", Long.toString(pid), "status"));
            if (status.isEmpty()) {
                continue;
            }
            for (String line : status.get().split("\n")) {
                if (line.startsWith(field)) {
                    total += Long.parseLong(line.substring(field.length())
                                    .replace("kB", "")
                                    .strip())
                            / 1024.0;
                }
            }
        }
        return total;
    }

    /** The collectors' counters summed over the servers (zero for a server jstat cannot attach to). */
    Gc gc() {
        long collections = 0;
        double pauseSeconds = 0;
        for (long pid : pids) {
            String out;
            try {
                out = run(jdkTool("jstat"), "-gc", Long.toString(pid));
            } catch (IllegalStateException | UncheckedIOException e) {
                // A server this JDK's jstat cannot attach to (another JDK, another user): no GC figures for it.
                LOG.warning(() -> "no GC figures for process " + pid + ": " + e.getMessage());
                continue;
            }
            String[] lines = out.strip().split("\n");
            if (lines.length < 2) {
                continue;
            }
            List<String> names = List.of(lines[0].strip().split("\\s+"));
            String[] values = lines[1].strip().split("\\s+");
            // Young, full and (G1) concurrent-cycle pauses: the remark and cleanup pauses are in CGC/CGCT.
            for (String count : List.of("YGC", "FGC", "CGC")) {
                int i = names.indexOf(count);
                if (i >= 0 && !"-".equals(values[i])) {
                    collections += Long.parseLong(values[i]);
                }
            }
            int total = names.indexOf("GCT");
            if (total >= 0) {
                pauseSeconds += Double.parseDouble(values[total]);
            }
        }
        return new Gc(collections, pauseSeconds);
    }

    /** Collections and their pause time in seconds, cumulative since the servers started. */
    record Gc(long collections, double pauseSeconds) {
        Gc minus(Gc earlier) {
            return new Gc(collections - earlier.collections, pauseSeconds - earlier.pauseSeconds);
        }
    }

    /**
     * Starts a Flight Recorder recording named {@code name} on every server: the JDK's "profile"
     * settings, with the event settings of {@code flow.jfr-events} on top (comma-separated, e.g.
     * {@code jdk.JavaExceptionThrow#enabled=true} to name every exception thrown).
     */
    void startRecording(String name) {
        for (long pid : pids) {
            List<String> command = new ArrayList<>(
                    List.of(jdkTool("jcmd"), Long.toString(pid), "JFR.start", "name=" + name, "settings=profile"));
            for (String setting : System.getProperty("flow.jfr-events", "").split(",")) {
                if (!setting.isBlank()) {
                    command.add(setting.strip());
                }
            }
            run(command.toArray(String[]::new));
        }
    }

    /** Stops the recording {@code name} and writes it to {@code directory}/{@code name}-{pid}.jfr. */
    List<Path> stopRecording(String name, Path directory) {
        List<Path> files = new ArrayList<>();
        for (long pid : pids) {
            Path file = directory.toAbsolutePath().resolve(name + "-" + pid + ".jfr");
            run(jdkTool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + name, "filename=" + file);
            files.add(file);
        }
        return files;
    }

    /** A tool of the JDK this generator runs on (the servers run on the same one unless JAVA_HOME differs). */
    private static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }

    /** The start-up time Liberty reports in {@code log} (its last start), if the log is there. */
    static Optional<Double> libertyStartSeconds(Path log) {
        Optional<String> text = read(log);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = STARTED.matcher(text.get());
        Double last = null;
        while (matcher.find()) {
            last = Double.valueOf(matcher.group(1));
        }
        return Optional.ofNullable(last);
    }

    private static boolean isServer(Path proc) {
        Optional<String> cmdline = read(proc.resolve("cmdline"));
        // Liberty's "server start" leaves a short-lived status checker with the same jar and --status.
        return cmdline.isPresent()
                && SERVER_MARKERS.stream().anyMatch(cmdline.get()::contains)
                && !cmdline.get().contains("--status");
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException | UncheckedIOException e) {
            // A process that ended between listing and reading, or one of another user: not ours.
            return Optional.empty();
        }
    }
}
