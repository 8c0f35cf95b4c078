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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application servers under load, read from Linux's {@code /proc}: CPU time (user + system)
 * and resident set size. The benchmark samples them; it never signals or changes them.
 */
final class ServerProcesses {

    /** What a Liberty or WildFly JVM has on its command line. */
    private static final List<String> SERVER_MARKERS = List.of("ws-server.jar", "jboss-modules.jar");

    private static final Pattern STARTED = Pattern.compile("server started in ([0-9.]+) seconds");

    /** USER_HZ, the unit of /proc/<pid>/stat's CPU times: 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> pids;

    private ServerProcesses(List<Long> pids) {
        this.pids = pids;
    }

    /** The processes named in {@code flow.pids}, or else every Liberty and WildFly JVM on this machine. */
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
