package dev.tether.bench;

import dev.tether.audit.AuditCursor;
import dev.tether.audit.AuditAppendOnlyMigration;
import dev.tether.content.ContentKeySealingMigration;
import dev.tether.platform.DatabaseMigration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Loads {@code bench.events} synthetic audit events (1 million unless told) into the PostgreSQL
 * database {@code bench.database} through Tether's migrations, starts the Liberty server that
 * {@code liberty:create} prepared on that database, and times each reporting query over HTTP
 * (p50/p95 of {@code bench.runs} runs after warm-up, deep pages included) and a CSV export of a
 * million rows (time and the server's heap, read over Liberty's local JMX connector). Prints a
 * table and writes it to {@code target/bench/results.md}. It stops the server whatever happens.
 */
public final class AuditBenchmark {

    private static final long EVENTS = Long.getLong("bench.events", 1_000_000L);
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int WARMUP = 3;
    private static final String DATABASE = System.getProperty("bench.database", "tether_bench");
    private static final Path SERVER = Path.of(System.getProperty("bench.server", "target/liberty/wlp/usr/servers/tether"));
    private static final Path WLP = Path.of(System.getProperty("bench.wlp", "target/liberty/wlp"));
    private static final String BASE = System.getProperty("bench.url", "http://localhost:9080/tether");
    /** The simulator WAR (with the development SSO) on the same server, at /simulator. */
    private static final String SIMULATOR = URI.create(BASE).resolve("/").toString().replaceAll("/$", "");
    private static final int PAGE = 50;
    /** Load the trail and stop: loading needs no server, so it can run without the port. */
    private static final boolean LOAD_ONLY = Boolean.getBoolean("bench.loadOnly");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> table = new ArrayList<>();
    private String auditor;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new AuditBenchmark().run();
    }

    private void run() throws Exception {
        Instant end = Instant.now();
        SyntheticTrail trail = new SyntheticTrail(EVENTS, end);
        createDatabaseIfMissing();
        try (Connection db = connect(DATABASE)) {
            load(db, trail);
        }
        if (LOAD_ONLY) {
            return;
        }
        startServer();
        try {
            auditor = token();
            measure(trail);
        } finally {
            stopServer();
        }
        Path out = Path.of("target/bench/results.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        table.forEach(System.out::println);
    }

    // ---- loading ------------------------------------------------------------------------------

    private static void createDatabaseIfMissing() throws SQLException {
        try (Connection admin = connect(env("PG_DATABASE", "test"));
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        }
    }

    /** Loads the trail unless the database already holds this many events (the trail is seeded). */
    private static void load(Connection db, SyntheticTrail trail) throws Exception {
        if (count(db) == EVENTS) {
            log("database %s already holds %,d events: not reloaded", DATABASE, EVENTS);
            return;
        }
        try (Statement s = db.createStatement()) {
            // The trail is append-only (a TRUNCATE is refused), so a reload starts from an empty schema.
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url(DATABASE));
        source.setUser(env("PG_USER", "postgres"));
        source.setPassword(env("PG_PASSWORD", ""));
        DatabaseMigration.flyway(source, List.of(new AuditAppendOnlyMigration(),
                new ContentKeySealingMigration((hex, id) -> {
                    throw new IllegalStateException("a benchmark database holds no clear content key");
                }))).migrate();

        // COPY into a table without its secondary indexes, then build them: the schema ends as
        // the migrations made it, an hour sooner at ten million rows.
        List<String> indexes = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_event'"
                     + " AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
            while (rows.next()) {
                indexes.add(rows.getString(2));
                try (Statement drop = db.createStatement()) {
                    drop.execute("DROP INDEX " + rows.getString(1));
                }
            }
        }
        long t0 = System.nanoTime();
        copy(db, "COPY audit_event (occurred_at, event_type, outcome, reason_code, user_id, device_id, content_id, "
                + "cookie, token_fingerprint, token_expires_at, request_id, client_address) FROM STDIN", trail::write);
        long loaded = System.nanoTime();
        copy(db, "COPY device (user_id, device_id, first_bound_at, last_seen_at, version) FROM STDIN", out -> {
            for (Map.Entry<String, Instant[]> pair : trail.pairs.entrySet()) {
                out.append(pair.getKey()).append('\t').append(pair.getValue()[0].toString()).append('\t')
                        .append(pair.getValue()[1].toString()).append("\t0\n");
            }
        });
        try (Statement s = db.createStatement()) {
            for (String index : indexes) {
                s.execute(index);
            }
            // What autovacuum does to an append-only table after a while: statistics, and the
            // visibility map that lets the covering indexes answer without reading the table.
            s.execute("VACUUM ANALYZE audit_event");
            s.execute("VACUUM ANALYZE device");
        }
        log("loaded %,d events in %.1f s, %,d devices; indexes built in %.1f s", EVENTS, (loaded - t0) / 1e9,
                trail.pairs.size(), (System.nanoTime() - loaded) / 1e9);
    }

    interface RowWriter {
        void write(Writer out) throws IOException;
    }

    private static void copy(Connection db, String sql, RowWriter rows) throws Exception {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try (Writer out = new java.io.BufferedWriter(
                new OutputStreamWriter(new CopyOutput(copy), StandardCharsets.UTF_8), 1 << 20)) {
            rows.write(out);
        }
        copy.endCopy();
    }

    /** An OutputStream onto a COPY in progress. */
    private static final class CopyOutput extends java.io.OutputStream {
        private final CopyIn copy;

        CopyOutput(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                copy.writeToCopy(b, off, len);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            // endCopy() finishes the COPY; closing the stream must not.
        }
    }

    private static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM audit_event")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            log("no audit trail yet in %s (%s)", DATABASE, e.getSQLState());
            return -1;
        }
    }

    // ---- the server ---------------------------------------------------------------------------

    private static void startServer() throws Exception {
        Path dropins = SERVER.resolve("dropins");
        Files.createDirectories(dropins);
        Files.copy(Path.of("target/tether.war"), dropins.resolve("tether.war"), StandardCopyOption.REPLACE_EXISTING);
        server("start");
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(SIMULATOR + "/simulator/sso/jwks")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                log("waiting for Tether (%s)", e.getClass().getSimpleName());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Tether did not start");
    }

    private static void stopServer() throws Exception {
        server("stop");
        Files.deleteIfExists(SERVER.resolve("dropins/tether.war"));
    }

    private static void server(String action) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, "tether").inheritIO();
        builder.environment().put("PG_DATABASE", DATABASE);
        int exit = builder.start().waitFor();
        if (exit != 0 && action.equals("start")) {
            throw new IllegalStateException("server start answered " + exit);
        }
    }

    private String token() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(SIMULATOR + "/simulator/sso/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=bench-auditor&groups=auditor&expiresIn=7200")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int at = body.indexOf("\"access_token\"");
        int open = body.indexOf('"', body.indexOf(':', at) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    // ---- measuring ----------------------------------------------------------------------------

    private void measure(SyntheticTrail trail) throws Exception {
        String user = trail.heavyUser();
        String device = trail.deviceOf(0);
        String content = SyntheticTrail.content(0);
        Instant to;
        try (Connection db = connect(DATABASE)) {
            to = newest(db).plusSeconds(1);
            Instant from30 = to.minus(Duration.ofDays(30));
            table.add(String.format(Locale.ROOT, "Audit benchmark: %,d events, %,d devices, PostgreSQL database %s, "
                    + "%d runs per query after %d warm-up runs, %s", count(db), deviceCount(db), DATABASE, RUNS, WARMUP,
                    Instant.now()));
            table.add("");
            table.add("| query | rows | p50 ms | p95 ms |");
            table.add("|---|---:|---:|---:|");
            List<String[]> searches = List.of(
                    new String[] {"search, no filter", ""},
                    new String[] {"search, user (heaviest)", "user=" + user},
                    new String[] {"search, device", "device=" + device},
                    new String[] {"search, content (most popular)", "content=" + content},
                    new String[] {"search, type + outcome (refused device-bound)", "type=DEVICE_BOUND_TOKEN&outcome=REFUSED"},
                    new String[] {"search, user + last 30 days", "user=" + user + "&from=" + from30 + "&to=" + to},
                    new String[] {"search, content + type + outcome + 30 days",
                        "content=" + content + "&type=TIME_BASED_TOKEN&outcome=GRANTED&from=" + from30 + "&to=" + to});
            for (String[] search : searches) {
                time(search[0] + ", page 1", "/api/audit/events?limit=" + PAGE + amp(search[1]));
                deepPage(db, search[0], search[1], 1000);
            }
            time("a user's devices", "/api/audit/users/" + user + "/devices");
            time("a device's users", "/api/audit/devices/" + device + "/users");
            time("summary, 30 days", "/api/audit/summary?from=" + from30 + "&to=" + to);
            time("summary, 7 days", "/api/audit/summary?from=" + to.minus(Duration.ofDays(7)) + "&to=" + to);
            aggregates(db, from30, to);
            export(db);
        }
    }

    private void deepPage(Connection db, String label, String query, int page) throws Exception {
        long skip = (long) PAGE * (page - 1);
        try (PreparedStatement s = db.prepareStatement("SELECT occurred_at, id FROM audit_event" + where(query)
                + " ORDER BY occurred_at DESC, id DESC OFFSET ? LIMIT 1")) {
            s.setLong(1, skip - 1);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    table.add("| " + label + ", page " + page + " | (fewer than " + skip + " events) | | |");
                    return;
                }
                String cursor = new AuditCursor(rows.getTimestamp(1).toInstant(), rows.getLong(2)).encode();
                time(label + ", page " + page, "/api/audit/events?limit=" + PAGE + amp(query) + "&after=" + cursor);
            }
        }
    }

    /**
     * The summary runs five aggregates in one request; the goal is per aggregate, so each is also
     * timed alone, in SQL equivalent to what Hibernate generates for its JPQL.
     */
    private void aggregates(Connection db, Instant from, Instant to) throws SQLException {
        String tokens = " FROM audit_event WHERE event_type IN ('REGISTRATION','TIME_BASED_TOKEN','DEVICE_BOUND_TOKEN')"
                + " AND outcome = 'GRANTED' AND occurred_at >= ? AND occurred_at < ? ";
        Map<String, String> sql = new java.util.LinkedHashMap<>();
        sql.put("tokens per day", "SELECT CAST(occurred_at AS DATE), count(*)" + tokens
                + "GROUP BY CAST(occurred_at AS DATE) ORDER BY CAST(occurred_at AS DATE)");
        sql.put("tokens per content", "SELECT content_id, count(*)" + tokens
                + "GROUP BY content_id ORDER BY count(*) DESC, content_id LIMIT 1000");
        sql.put("refusals by reason", "SELECT reason_code, count(*) FROM audit_event WHERE outcome = 'REFUSED'"
                + " AND occurred_at >= ? AND occurred_at < ? GROUP BY reason_code ORDER BY count(*) DESC, reason_code");
        sql.put("distinct active devices", "SELECT count(DISTINCT device_id) FROM audit_event"
                + " WHERE occurred_at >= ? AND occurred_at < ? AND device_id IS NOT NULL");
        sql.put("users near the device limit", "SELECT user_id, count(*) FROM device WHERE revoked_at IS NULL"
                + " AND last_seen_at >= ? AND first_bound_at < ? GROUP BY user_id HAVING count(*) >= 2"
                + " ORDER BY count(*) DESC, user_id LIMIT 1000");
        for (Map.Entry<String, String> aggregate : sql.entrySet()) {
            long[] millis = new long[RUNS];
            int rows = 0;
            try (PreparedStatement s = db.prepareStatement(aggregate.getValue())) {
                s.setTimestamp(1, Timestamp.from(from));
                s.setTimestamp(2, Timestamp.from(to));
                for (int i = -WARMUP; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    rows = 0;
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows++;
                        }
                    }
                    if (i >= 0) {
                        millis[i] = System.nanoTime() - t0;
                    }
                }
            }
            Arrays.sort(millis);
            table.add(String.format(Locale.ROOT, "| summary part alone (JDBC), 30 days: %s | %d | %.1f | %.1f |",
                    aggregate.getKey(), rows, millis[RUNS / 2] / 1e6, millis[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6));
        }
    }

    /** The SQL of a search query string, to find where page n starts (benchmark set-up only). */
    private static String where(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> clauses = new ArrayList<>();
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            String column = switch (kv[0]) {
                case "user" -> "user_id = '%s'";
                case "device" -> "device_id = '%s'";
                case "content" -> "content_id = '%s'";
                case "type" -> "event_type = '%s'";
                case "outcome" -> "outcome = '%s'";
                case "from" -> "occurred_at >= '%s'";
                case "to" -> "occurred_at < '%s'";
                default -> throw new IllegalArgumentException(kv[0]);
            };
            clauses.add(String.format(column, kv[1]));
        }
        return " WHERE " + String.join(" AND ", clauses);
    }

    private void time(String label, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + auditor).timeout(Duration.ofMinutes(2)).GET().build();
        long[] millis = new long[RUNS];
        int rows = 0;
        for (int i = -WARMUP; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                millis[i] = elapsed;
            }
            rows = response.body().startsWith("[") ? countRows(response.body()) : 1;
        }
        Arrays.sort(millis);
        table.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |", label, rows, millis[RUNS / 2] / 1e6,
                millis[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6));
    }

    private static int countRows(String json) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readArray().size();
    }

    /** The newest million events (all of them at 1 million) as CSV: time, size and the server's heap. */
    private void export(Connection db) throws Exception {
        String query = "";
        long target = 1_000_000L;
        if (count(db) > target) {
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT occurred_at FROM audit_event ORDER BY occurred_at DESC, id DESC OFFSET ? LIMIT 1")) {
                s.setLong(1, target - 1);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    query = "from=" + rows.getTimestamp(1).toInstant();
                }
            }
        }
        try (JMXConnector jmx = jmx()) {
            MemoryMXBean memory = jmx == null ? null : JMX.newMXBeanProxy(jmx.getMBeanServerConnection(),
                    new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME), MemoryMXBean.class);
            long baseline = -1;
            List<MemoryPoolMXBean> tenured = jmx == null ? List.of() : tenuredPools(jmx.getMBeanServerConnection());
            if (memory != null) {
                memory.gc();
                baseline = memory.getHeapMemoryUsage().getUsed();
            }
            long tenuredBaseline = tenured.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            tenured.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong peak = new AtomicLong(baseline);
            CompletableFuture<Void> sampler = memory == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> sample(memory, peak));
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/audit/export" + (query.isEmpty() ? "" : "?" + query)))
                    .header("Authorization", "Bearer " + auditor).timeout(Duration.ofMinutes(10)).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            peak.set(-peak.get() - 1);
            sampler.join();
            long peakUsed = -peak.get() - 1;
            long tenuredPeak = tenured.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long retained = -1;
            if (memory != null) {
                memory.gc();
                retained = memory.getHeapMemoryUsage().getUsed();
            }
            table.add("");
            table.add(String.format(Locale.ROOT, "CSV export (%s): %,d rows, %.1f MB in %.1f s (%.0f rows/s)",
                    query.isEmpty() ? "all events" : query, lines - 1, bytes / 1e6, seconds, (lines - 1) / seconds));
            if (memory != null) {
                table.add(String.format(Locale.ROOT, "server heap (-Xmx256m): %.1f MB after GC before, peak %.1f MB "
                                + "during (growth %.1f MB, young garbage included), %.1f MB after GC after; old "
                                + "generation %.1f MB before, peak %.1f MB during (growth %.1f MB)",
                        baseline / 1e6, peakUsed / 1e6, (peakUsed - baseline) / 1e6, retained / 1e6,
                        tenuredBaseline / 1e6, tenuredPeak / 1e6, (tenuredPeak - tenuredBaseline) / 1e6));
            } else {
                table.add("server heap: not measured (no JMX local connector address in the server's logs/state)");
            }
        }
    }

    /** Samples the heap every 50 ms until {@code peak} is flipped negative by the caller. */
    private static void sample(MemoryMXBean memory, AtomicLong peak) {
        while (true) {
            long used = memory.getHeapMemoryUsage().getUsed();
            long current = peak.get();
            if (current < 0) {
                return;
            }
            if (used > current) {
                peak.compareAndSet(current, used);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The heap pools that hold what survives young collections (G1 Old Gen, or the like). */
    private static List<MemoryPoolMXBean> tenuredPools(MBeanServerConnection server) throws Exception {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("java.lang:type=MemoryPool,*"), null)) {
            MemoryPoolMXBean pool = JMX.newMXBeanProxy(server, name, MemoryPoolMXBean.class);
            String poolName = pool.getName();
            if (pool.getType() == MemoryType.HEAP && !poolName.contains("Eden") && !poolName.contains("Survivor")) {
                pools.add(pool);
            }
        }
        return pools;
    }

    private static JMXConnector jmx() throws IOException {
        Path address = SERVER.resolve("logs/state/com.ibm.ws.jmx.local.address");
        if (!Files.isRegularFile(address)) {
            return null;
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(Files.readString(address).trim()));
    }

    private static Instant newest(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT max(occurred_at) FROM audit_event")) {
            rows.next();
            Timestamp t = rows.getTimestamp(1);
            return t.toInstant();
        }
    }

    private static long deviceCount(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM device")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String amp(String query) {
        return query.isEmpty() ? "" : "&" + query;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), env("PG_USER", "postgres"), env("PG_PASSWORD", ""));
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
