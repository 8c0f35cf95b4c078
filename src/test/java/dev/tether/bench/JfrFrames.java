package dev.tether.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The share of a Flight Recorder recording's execution samples in which each method is on the
 * stack (inclusive), for methods whose class starts with one of the given prefixes: where the
 * time of Tether's own code goes, beside the top frames {@code jfr view hot-methods} shows. No
 * dependency but the JDK, so it runs as a source file (README, "Profiling"):
 * {@code java src/test/java/dev/tether/bench/JfrFrames.java recording.jfr dev.tether. 40}.
 * Stacks deeper than the recording's stack depth (64 unless the server ran with
 * {@code -XX:FlightRecorderOptions:stackdepth=256}) are cut at the top, so outer frames are undercounted.
 */
public final class JfrFrames {

    private static final Logger LOG = Logger.getLogger(JfrFrames.class.getName());

    private JfrFrames() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: JfrFrames recording.jfr [class prefix[,prefix…]] [rows]");
        }
        List<String> prefixes = List.of((args.length > 1 ? args[1] : "dev.tether.").split(","));
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            if (event.getStackTrace().isTruncated()) {
                truncated++;
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                // A start-up recording has frames without a method (code the JVM generated).
                if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                // Weld's proxies and subclasses are the bean's own frames for this purpose.
                String name = type.replaceAll("\\$Proxy\\$_\\$\\$_Weld.*", "") + "."
                        + frame.getMethod().getName();
                if (prefixes.stream().anyMatch(type::startsWith) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%d execution samples (%d with truncated stacks)%n", samples, truncated));
        int total = samples;
        inclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> out.append(String.format(
                        Locale.ROOT, "%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / total, e.getKey())));
        LOG.info(out::toString);
    }
}
