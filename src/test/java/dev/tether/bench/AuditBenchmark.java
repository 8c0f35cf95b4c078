package dev.tether.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Loads {@code bench.events} synthetic audit events (1 million unless told) into the PostgreSQL
 * database {@code bench.database} through Tether's migrations ({@link TrailLoader}), starts the
 * Liberty server that {@code liberty:create} prepared on that database ({@link BenchServer}), and
 * times each reporting query over HTTP and a CSV export of a million rows ({@link AuditMeasurement}).
 * Prints a table and writes it to {@code target/bench/results.md}. It stops the server whatever happens.
 */
public final class AuditBenchmark {

    private static final long EVENTS = Long.getLong("bench.events", 1_000_000L);
    /** Load the trail and stop: loading needs no server, so it can run without the port. */
    private static final boolean LOAD_ONLY = Boolean.getBoolean("bench.loadOnly");

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        SyntheticTrail trail = new SyntheticTrail(EVENTS, Instant.now());
        BenchDatabase.createIfMissing();
        try (Connection db = BenchDatabase.connect()) {
            TrailLoader.load(db, trail, EVENTS);
        }
        if (LOAD_ONLY) {
            return;
        }
        BenchServer server = new BenchServer();
        server.start();
        List<String> table;
        try {
            table = new AuditMeasurement(server).measure(trail);
        } finally {
            server.stop();
        }
        Path out = Path.of("target/bench/results.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        table.forEach(System.out::println);
    }

    /** A progress line of the benchmark, the loader and the server control alike. */
    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
