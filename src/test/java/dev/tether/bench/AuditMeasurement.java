package dev.tether.bench;

import dev.tether.audit.AuditCursor;
import jakarta.json.Json;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

/**
 * Times the auditor's queries on a running {@link BenchServer} over HTTP, as an auditor's client
 * sends them: p50/p95 of {@code bench.runs} runs after warm-up for each search (page 1 and a deep
 * page), the per-user and per-device views and the summary; each of the summary's aggregates alone
 * in SQL; and a CSV export of a million rows with the server's heap, read over JMX. Writes nothing
 * but the table it returns.
 */
final class AuditMeasurement {

    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int WARMUP = 3;
    private static final int PAGE = 50;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> table = new ArrayList<>();
    private final BenchServer server;
    private String auditor;

    AuditMeasurement(BenchServer server) {
        this.server = server;
    }

    /** Signs in as an auditor at the development SSO, then times every query; returns the table's lines. */
    List<String> measure(SyntheticTrail trail) throws Exception {
        auditor = token();
        run(trail);
        return table;
    }

    private String token() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(BenchServer.SIMULATOR + "/simulator/sso/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=bench-auditor&groups=auditor&expiresIn=7200"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    private void run(SyntheticTrail trail) throws Exception {
        String user = trail.heavyUser();
        String device = trail.deviceOf(0);
        String content = SyntheticTrail.content(0);
        Instant to;
        try (Connection db = BenchDatabase.connect()) {
            to = BenchDatabase.newest(db).plusSeconds(1);
            Instant from30 = to.minus(Duration.ofDays(30));
            table.add(String.format(
                    Locale.ROOT,
                    "Audit benchmark: %,d events, %,d devices, PostgreSQL database %s, "
                            + "%d runs per query after %d warm-up runs, %s",
                    BenchDatabase.count(db),
                    BenchDatabase.deviceCount(db),
                    BenchDatabase.DATABASE,
                    RUNS,
                    WARMUP,
                    Instant.now()));
            table.add("");
            table.add("| query | rows | p50 ms | p95 ms |");
            table.add("|---|---:|---:|---:|");
            List<String[]> searches = List.of(
                    new String[] {"search, no filter", ""},
                    new String[] {"search, user (heaviest)", "user=" + user},
                    new String[] {"search, device", "device=" + device},
                    new String[] {"search, content (most popular)", "content=" + content},
                    new String[] {
                        "search, type + outcome (refused device-bound)", "type=DEVICE_BOUND_TOKEN&outcome=REFUSED"
                    },
                    new String[] {"search, user + last 30 days", "user=" + user + "&from=" + from30 + "&to=" + to},
                    new String[] {
                        "search, content + type + outcome + 30 days",
                        "content=" + content + "&type=TIME_BASED_TOKEN&outcome=GRANTED&from=" + from30 + "&to=" + to
                    });
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
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put(
                "tokens per day",
                "SELECT CAST(occurred_at AS DATE), count(*)" + tokens
                        + "GROUP BY CAST(occurred_at AS DATE) ORDER BY CAST(occurred_at AS DATE)");
        sql.put(
                "tokens per content",
                "SELECT content_id, count(*)" + tokens
                        + "GROUP BY content_id ORDER BY count(*) DESC, content_id LIMIT 1000");
        sql.put(
                "refusals by reason",
                "SELECT reason_code, count(*) FROM audit_event WHERE outcome = 'REFUSED'"
                        + " AND occurred_at >= ? AND occurred_at < ? GROUP BY reason_code ORDER BY count(*) DESC, reason_code");
        sql.put(
                "distinct active devices",
                "SELECT count(DISTINCT device_id) FROM audit_event"
                        + " WHERE occurred_at >= ? AND occurred_at < ? AND device_id IS NOT NULL");
        sql.put(
                "users near the device limit",
                "SELECT user_id, count(*) FROM device WHERE revoked_at IS NULL"
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
            row("summary part alone (JDBC), 30 days: " + aggregate.getKey(), rows, millis);
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(BenchServer.BASE + path))
                .header("Authorization", "Bearer " + auditor)
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
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
        row(label, rows, millis);
    }

    /** A line of the table: the query, its rows, and p50 and p95 of the runs' times (nanoseconds, sorted here). */
    private void row(String label, int rows, long[] nanos) {
        Arrays.sort(nanos);
        table.add(String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f |",
                label,
                rows,
                nanos[RUNS / 2] / 1e6,
                nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6));
    }

    private static int countRows(String json) {
        return Json.createReader(new StringReader(json)).readArray().size();
    }

    /** The newest million events (all of them at 1 million) as CSV: time, size and the server's heap. */
    private void export(Connection db) throws Exception {
        String query = "";
        long target = 1_000_000L;
        if (BenchDatabase.count(db) > target) {
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT occurred_at FROM audit_event ORDER BY occurred_at DESC, id DESC OFFSET ? LIMIT 1")) {
                s.setLong(1, target - 1);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    query = "from=" + rows.getTimestamp(1).toInstant();
                }
            }
        }
        try (JMXConnector jmx = server.jmx()) {
            MemoryMXBean memory = jmx == null
                    ? null
                    : JMX.newMXBeanProxy(
                            jmx.getMBeanServerConnection(),
                            new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME),
                            MemoryMXBean.class);
            long baseline = -1;
            List<MemoryPoolMXBean> tenured = jmx == null ? List.of() : tenuredPools(jmx.getMBeanServerConnection());
            if (memory != null) {
                memory.gc();
                baseline = memory.getHeapMemoryUsage().getUsed();
            }
            long tenuredBaseline =
                    tenured.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            tenured.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong peak = new AtomicLong(baseline);
            CompletableFuture<Void> sampler = memory == null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> sample(memory, peak));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(BenchServer.BASE + "/api/audit/export" + (query.isEmpty() ? "" : "?" + query)))
                    .header("Authorization", "Bearer " + auditor)
                    .timeout(Duration.ofMinutes(10))
                    .GET()
                    .build();
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
            long tenuredPeak =
                    tenured.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long retained = -1;
            if (memory != null) {
                memory.gc();
                retained = memory.getHeapMemoryUsage().getUsed();
            }
            table.add("");
            table.add(String.format(
                    Locale.ROOT,
                    "CSV export (%s): %,d rows, %.1f MB in %.1f s (%.0f rows/s)",
                    query.isEmpty() ? "all events" : query,
                    lines - 1,
                    bytes / 1e6,
                    seconds,
                    (lines - 1) / seconds));
            if (memory != null) {
                table.add(String.format(
                        Locale.ROOT,
                        "server heap (max %.0f MB): %.1f MB after GC before, peak %.1f MB "
                                + "during (growth %.1f MB, young garbage included), %.1f MB after GC after; old "
                                + "generation %.1f MB before, peak %.1f MB during (growth %.1f MB)",
                        memory.getHeapMemoryUsage().getMax() / 1e6,
                        baseline / 1e6,
                        peakUsed / 1e6,
                        (peakUsed - baseline) / 1e6,
                        retained / 1e6,
                        tenuredBaseline / 1e6,
                        tenuredPeak / 1e6,
                        (tenuredPeak - tenuredBaseline) / 1e6));
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

    private static String amp(String query) {
        return query.isEmpty() ? "" : "&" + query;
    }
}
