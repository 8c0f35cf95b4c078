package dev.tether.bench;

import com.sun.management.OperatingSystemMXBean;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The flow benchmark, not a test: a closed-loop load generator that drives simulated users and
 * devices through Tether's real HTTP flow on a running server (or several) and prints, per request
 * kind, throughput, latency percentiles and errors, with the servers' CPU time and peak RSS.
 *
 * <p>First every kind of request, mixed, for {@code flow.warmup-all} seconds (not counted: the
 * JIT compiler's warm-up). Then five phases, each a warm-up ({@code flow.warmup} seconds, not counted) then a measured window
 * ({@code flow.duration} seconds), with {@code flow.concurrency} workers that each send their next
 * request as soon as the last one is answered:
 * <ol>
 * <li>bind: new users (development SSO), registration (type 2), the device's SPC redeemed on the
 *     simulator, the first device-bound request (type 3), which looks the device up in ExpressPlay's
 *     transaction history;</li>
 * <li>device-bound again on a random bound cookie: the device is already resolved;</li>
 * <li>time-based (type 1);</li>
 * <li>the stream heartbeat, on a random lease of the device-bound phase's grants;</li>
 * <li>time-based starts of users at their stream limit under stop-oldest (each ends the oldest);</li>
 * <li>the simulator's token API, called directly with what Tether sends for a device-bound token;</li>
 * <li>the simulator's record retrieval API, called directly by cookie.</li>
 * </ol>
 * The last two are ExpressPlay's share of Tether's requests, measured in the same run on the same
 * server, so the report can show what Tether adds. Fails (after printing) if any request failed.
 */
public final class FlowBenchmark {

    private static final Logger LOG = Logger.getLogger(FlowBenchmark.class.getName());

    private static final List<String> URLS = Arrays.stream(
                    System.getProperty("flow.urls", "http://localhost:9080/tether")
                            .split(","))
            .map(String::strip)
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .toList();
    private static final String SIMULATOR = System.getProperty(
            "flow.simulator", URI.create(URLS.get(0)).resolve("/").toString().replaceAll("/$", ""));
    private static final int CONCURRENCY = Integer.getInteger("flow.concurrency", 8);
    private static final Duration WARMUP_ALL = Duration.ofSeconds(Integer.getInteger("flow.warmup-all", 90));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("flow.warmup", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("flow.duration", 30));
    private static final int DEVICES_PER_USER = Integer.getInteger("flow.devices-per-user", 2);
    private static final String CONTENT = System.getProperty("flow.content", "demo-movie");
    /**
     * An ExpressPlay latency injected on the simulator's token API for the device-bound and
     * time-based phases (0: none): with it the phases show whether the bulkhead, not Tether, caps
     * the rate (at most bulkhead ÷ latency tokens a second, Little's law).
     */
    private static final long LATENCY_MS = Long.getLong("flow.latency-ms", 0);
    /**
     * Another server on the same database and machine, configured differently (e.g. the audit
     * ledger off): the device-bound (resolved) phase runs against it too, in turns with the main
     * one ({@code flow.compare-rounds}) and with the same cookies, and the report gives the main
     * server's rate as a ratio of its.
     */
    private static final String COMPARE = System.getProperty("flow.compare", "");
    /** How many turns each of the two servers takes at the device-bound (resolved) phase. */
    private static final int COMPARE_ROUNDS = Integer.getInteger("flow.compare-rounds", 3);

    private static final String AUTHENTICATOR =
            System.getProperty("flow.authenticator", "1000,00112233445566778899aabbccddeeff");
    private static final Path SERVER_LOG =
            Path.of(System.getProperty("flow.server-log", "target/liberty/wlp/usr/servers/tether/logs/messages.log"));
    private static final Path REPORT = Path.of(System.getProperty("flow.report", "target/bench/flow.md"));
    /**
     * Where to write a Flight Recorder recording of each of the {@code flow.jfr-phases} (measured
     * window only, the JDK's "profile" settings), one file per phase and server; empty: none.
     */
    private static final String JFR = System.getProperty("flow.jfr", "");

    private static final List<String> JFR_PHASES = Arrays.stream(
                    System.getProperty("flow.jfr-phases", "device-bound, resolved;time-based")
                            .split(";"))
            .map(String::strip)
            .toList();

    static final String SSO = "dev SSO token (setup)";
    static final String REGISTRATION = "registration (type 2)";
    static final String SPC = "device lab SPC (setup)";
    static final String REDEMPTION = "SPC redemption on the simulator";
    static final String FIRST = "device-bound, first (type 3)";
    static final String RESOLVED = "device-bound, resolved (type 3)";
    static final String TIME_BASED = "time-based (type 1)";
    static final String SIM_TOKEN = "simulator token API, direct";
    static final String SIM_RECORDS = "simulator record API, direct";
    static final String HEARTBEAT = "stream heartbeat";
    static final String AT_LIMIT = "time-based at the stream limit (stop-oldest)";
    static final String POLICY = "stream policy (setup)";
    static final String RESOLVED_COMPARED = "device-bound, resolved (type 3), at the compared server";

    /** Users whose stream limit every start of the at-limit phase reaches (each start ends their oldest stream). */
    private static final int AT_LIMIT_USERS = Integer.getInteger("flow.at-limit-users", 32);

    /** The most leases kept for the heartbeat phase. */
    private static final int MAX_LEASES = 100_000;

    private final FlowClient client = new FlowClient(URLS, SIMULATOR, AUTHENTICATOR, CONTENT);
    private final FlowClient compared =
            COMPARE.isEmpty() ? null : new FlowClient(List.of(COMPARE), SIMULATOR, AUTHENTICATOR, CONTENT);
    private final ServerProcesses servers = ServerProcesses.find(System.getProperty("flow.pids"));
    private final Map<String, Latencies> measured = new LinkedHashMap<>();
    private final List<PhaseUsage> usage = new ArrayList<>();
    private final List<Bound> bound = new ArrayList<>();
    private final List<Stream> streams = new ArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger users = new AtomicInteger();
    private double peakRss;

    /** A device bound to a user: the user's bearer token, the cookie, the device id. */
    record Bound(String bearer, String cookie, String deviceId) {}

    /** A stream's lease, from a granted device-bound request: its user's bearer token and the lease id. */
    record Stream(String bearer, String lease) {}

    /** What the servers (and this generator) used during one measured window. */
    record PhaseUsage(
            String phase,
            double seconds,
            double serverCpu,
            double peakRssMb,
            double generatorCpu,
            ServerProcesses.Gc gc) {}

    /** One worker's state across its iterations: its current user and how many devices it has. */
    private static final class Worker {
        String bearer;
        int devices;
    }

    public static void main(String[] args) throws Exception {
        new FlowBenchmark().run();
    }

    private void run() throws Exception {
        LOG.info(() -> "Flow benchmark against " + URLS + " (simulator and SSO at " + SIMULATOR + "), "
                + CONCURRENCY + " workers, " + WARMUP_ALL.toSeconds() + " s warm-up, then " + WARMUP.toSeconds()
                + " s warm-up + " + MEASURED.toSeconds() + " s per phase; server processes " + servers.pids());
        for (String kind : List.of(
                FIRST,
                REGISTRATION,
                REDEMPTION,
                SSO,
                SPC,
                RESOLVED,
                TIME_BASED,
                HEARTBEAT,
                AT_LIMIT,
                POLICY,
                SIM_TOKEN,
                SIM_RECORDS)) {
            measured.put(kind, new Latencies(kind));
        }
        if (compared != null) {
            measured.put(RESOLVED_COMPARED, new Latencies(RESOLVED_COMPARED));
        }
        warmUp();
        phase("bind", this::bind, FIRST, REGISTRATION, REDEMPTION, SSO, SPC);
        if (bound.isEmpty()) {
            throw new IllegalStateException("no device could be bound: " + describeErrors());
        }
        LOG.info(() -> bound.size() + " devices bound");
        OperatorClient operator = LATENCY_MS > 0 ? new OperatorClient(URLS.get(0), SIMULATOR) : null;
        if (operator != null) {
            LOG.info(() -> "injecting " + LATENCY_MS + " ms on the token API for the next two phases");
            operator.injectLatency("TOKEN", LATENCY_MS);
        }
        Step resolved = (worker, kinds) -> {
            Bound b = randomBound();
            JsonObject granted = client.sees(kinds.apply(RESOLVED), b.bearer(), 3, b.cookie());
            if (granted != null && granted.containsKey("leaseId")) {
                synchronized (streams) {
                    if (streams.size() < MAX_LEASES) {
                        streams.add(new Stream(b.bearer(), granted.getString("leaseId")));
                    }
                }
            }
        };
        // Against a compared server, the two take turns, so that what else the machine does at the
        // time weighs on both alike.
        for (int round = 0; round < (compared == null ? 1 : COMPARE_ROUNDS); round++) {
            // The heartbeat phase renews the last turn's leases: an earlier turn's would lapse
            // (grace × interval, 3 minutes by default) before their first renewal.
            synchronized (streams) {
                streams.clear();
            }
            phase("device-bound, resolved", resolved, RESOLVED);
            if (compared != null) {
                phase(
                        "device-bound, resolved, at the compared server",
                        (worker, kinds) -> {
                            Bound b = randomBound();
                            compared.sees(kinds.apply(RESOLVED_COMPARED), b.bearer(), 3, b.cookie());
                        },
                        RESOLVED_COMPARED);
            }
        }
        phase(
                "time-based",
                (worker, kinds) ->
                        client.sees(kinds.apply(TIME_BASED), randomBound().bearer(), 1, null),
                TIME_BASED);
        if (operator != null) {
            operator.resetFaults();
        }
        if (streams.isEmpty()) {
            throw new IllegalStateException("no grant carried a lease: " + describeErrors());
        }
        LOG.info(() -> streams.size() + " leases to renew");
        phase(
                "heartbeat",
                (worker, kinds) -> {
                    Stream stream = randomStream();
                    client.heartbeat(kinds.apply(HEARTBEAT), stream.bearer(), stream.lease());
                },
                HEARTBEAT);
        List<String> atLimit = atLimitUsers();
        phase(
                "at the stream limit",
                (worker, kinds) -> client.sees(
                        kinds.apply(AT_LIMIT),
                        atLimit.get(ThreadLocalRandom.current().nextInt(atLimit.size())),
                        1,
                        null),
                AT_LIMIT);
        phase(
                "simulator token",
                (worker, kinds) -> {
                    Bound b = randomBound();
                    client.simulatorToken(kinds.apply(SIM_TOKEN), b.cookie(), b.deviceId());
                },
                SIM_TOKEN);
        phase(
                "simulator records",
                (worker, kinds) -> {
                    Bound b = randomBound();
                    client.simulatorRecords(kinds.apply(SIM_RECORDS), b.cookie(), b.deviceId());
                },
                SIM_RECORDS);

        String report = report();
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, report);
        LOG.info(() -> "\n" + report + "\n(also in " + REPORT + ")");
        long errors = measured.values().stream().mapToLong(Latencies::errors).sum();
        if (errors > 0) {
            throw new IllegalStateException(errors + " requests failed: " + describeErrors());
        }
    }

    /**
     * Every kind of request, mixed, for {@code flow.warmup-all} seconds before anything is measured:
     * a Liberty server's JIT compiler needs minutes of load to compile what the flow runs through,
     * and on two cores that compilation would otherwise be measured as Tether's time.
     */
    private void warmUp() throws InterruptedException {
        LOG.info(() -> "warming up every kind of request for " + WARMUP_ALL.toSeconds() + " s");
        Map<String, Latencies> dropped = new LinkedHashMap<>();
        measured.forEach((kind, latencies) -> dropped.put(kind, new Latencies(kind, latencies)));
        run(
                WARMUP_ALL,
                (worker, kinds) -> {
                    bind(worker, kinds);
                    Bound b = randomBound();
                    if (b != null) {
                        client.sees(kinds.apply(RESOLVED), b.bearer(), 3, b.cookie());
                        if (compared != null) {
                            compared.sees(kinds.apply(RESOLVED_COMPARED), b.bearer(), 3, b.cookie());
                        }
                        client.sees(kinds.apply(TIME_BASED), b.bearer(), 1, null);
                        client.simulatorToken(kinds.apply(SIM_TOKEN), b.cookie(), b.deviceId());
                        client.simulatorRecords(kinds.apply(SIM_RECORDS), b.cookie(), b.deviceId());
                    }
                },
                dropped::get);
    }

    /**
     * Bearer tokens of {@code flow.at-limit-users} new users whose stream policy (set by an admin
     * through the API) allows 2 streams under stop-oldest, each already at its limit.
     */
    private List<String> atLimitUsers() {
        Latencies setup = measured.get(POLICY);
        String admin = client.ssoToken(setup, "bench-admin-" + run, "admin");
        List<String> bearers = new ArrayList<>();
        for (int i = 0; i < AT_LIMIT_USERS; i++) {
            String user = "bench-" + run + "-limit-" + i;
            String bearer = client.ssoToken(setup, user, "subscriber");
            if (admin != null
                    && bearer != null
                    && client.streamPolicy(setup, admin, user, "{\"maxStreams\":2,\"mode\":\"stop-oldest\"}")) {
                client.sees(setup, bearer, 1, null);
                client.sees(setup, bearer, 1, null);
                bearers.add(bearer);
            }
        }
        if (bearers.isEmpty()) {
            throw new IllegalStateException("no user at the stream limit could be set up: " + describeErrors());
        }
        return bearers;
    }

    /** Runs {@code step} in a closed loop on every worker for {@code duration}. */
    private void run(Duration duration, Step step, Function<String, Latencies> kinds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = startWorkers("warm-up", step, kinds, stop);
        Thread.sleep(duration.toMillis());
        stopWorkers(workers, stop);
    }

    /** {@code flow.concurrency} threads, each running {@code step} in a closed loop until {@code stop}. */
    private static List<Thread> startWorkers(
            String name, Step step, Function<String, Latencies> kinds, AtomicBoolean stop) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            Worker worker = new Worker();
            Thread thread = new Thread(
                    () -> {
                        while (!stop.get()) {
                            step.run(worker, kinds);
                        }
                    },
                    "flow-" + name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    private static void stopWorkers(List<Thread> threads, AtomicBoolean stop) throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** One iteration of the bind phase: a new device for the worker's user, a new user every few devices. */
    private void bind(Worker worker, Function<String, Latencies> kinds) {
        if (worker.bearer == null || worker.devices >= DEVICES_PER_USER) {
            worker.bearer = client.ssoToken(kinds.apply(SSO), "bench-" + run + "-" + users.incrementAndGet());
            worker.devices = 0;
            if (worker.bearer == null) {
                return;
            }
        }
        JsonObject registration = client.sees(kinds.apply(REGISTRATION), worker.bearer, 2, null);
        if (registration == null) {
            return;
        }
        worker.devices++;
        String cookie = registration.getString("customerCookie");
        String device = HexFormat.of().formatHex(randomBytes(20));
        byte[] spc = client.spc(kinds.apply(SPC), device, FlowClient.REGISTRATION_CONTENT);
        if (spc == null || !client.redeem(kinds.apply(REDEMPTION), registration.getString("epTokenURL"), spc)) {
            return;
        }
        if (client.sees(kinds.apply(FIRST), worker.bearer, 3, cookie) != null) {
            synchronized (bound) {
                bound.add(new Bound(worker.bearer, cookie, device));
            }
        }
    }

    private interface Step {
        void run(Worker worker, Function<String, Latencies> kinds);
    }

    /**
     * Runs {@code step} in a closed loop on every worker: a warm-up whose figures are dropped, then
     * the measured window, sampling the servers' RSS every 100 ms.
     */
    private void phase(String name, Step step, String... kinds) throws InterruptedException, IOException {
        Map<String, Latencies> warmup = new LinkedHashMap<>();
        for (String kind : kinds) {
            warmup.put(kind, new Latencies(kind, measured.get(kind)));
        }
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Function<String, Latencies> current = kind -> (measuring.get() ? measured : warmup).get(kind);
        List<Thread> workers = startWorkers(name, step, current, stop);
        LOG.info(() -> "phase " + name + ": warming up");
        Thread.sleep(WARMUP.toMillis());
        boolean recording = !JFR.isEmpty() && JFR_PHASES.contains(name);
        String recordingName = "flow-" + name.replaceAll("[^A-Za-z0-9]+", "-");
        if (recording) {
            servers.startRecording(recordingName);
        }
        ServerProcesses.Gc gcBefore = servers.gc();
        double cpuBefore = servers.cpuSeconds();
        long generatorBefore = generatorCpuNanos();
        long start = System.nanoTime();
        measuring.set(true);
        LOG.info(() -> "phase " + name + ": measuring");
        double phasePeak = 0;
        long end = start + MEASURED.toNanos();
        while (System.nanoTime() < end) {
            phasePeak = Math.max(phasePeak, servers.rssMegabytes());
            TimeUnit.MILLISECONDS.sleep(100);
        }
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = servers.cpuSeconds() - cpuBefore;
        double generator = (generatorCpuNanos() - generatorBefore) / 1e9;
        ServerProcesses.Gc gc = servers.gc().minus(gcBefore);
        stopWorkers(workers, stop);
        if (recording) {
            Path directory = Path.of(JFR);
            Files.createDirectories(directory.toAbsolutePath());
            List<Path> files = servers.stopRecording(recordingName, directory);
            LOG.info(() -> "phase " + name + ": recorded " + files);
        }
        peakRss = Math.max(peakRss, phasePeak);
        usage.add(new PhaseUsage(name, seconds, cpu, phasePeak, generator, gc));
    }

    private String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Tether flow benchmark, %s: %s, %d workers; %d s warm-up, then %d s warm-up + %d s"
                        + " measured per phase%s%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                URLS,
                CONCURRENCY,
                WARMUP_ALL.toSeconds(),
                WARMUP.toSeconds(),
                MEASURED.toSeconds(),
                LATENCY_MS > 0
                        ? "; " + LATENCY_MS + " ms injected on the token API in the device-bound and time-based phases"
                        : ""));
        double tokenRate = throughput(SIM_TOKEN);
        out.append("| request | count | per s | ÷ simulator token | p50 ms | p90 ms | p99 ms | p99 ÷ p50 | max ms |"
                + " errors |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Latencies l : measured.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.3f | %.2f | %.2f | %.2f | %.1f | %.2f | %d |%n",
                    l.kind(),
                    l.count(),
                    throughput(l.kind()),
                    throughput(l.kind()) / tokenRate,
                    l.percentileMillis(0.50),
                    l.percentileMillis(0.90),
                    l.percentileMillis(0.99),
                    l.percentileMillis(0.99) / l.percentileMillis(0.50),
                    l.percentileMillis(1.0),
                    l.errors()));
        }
        double tokenCpu = cpuMillisPerRequest("simulator token", SIM_TOKEN);
        out.append("\n| phase | per request of | server CPU ms per request | ÷ simulator token's | server CPU s"
                + " | server cores busy | GCs | GCs per s | GC pause ms | GC pause % | server peak RSS MB"
                + " | generator CPU s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseUsage p : usage) {
            String kind = mainKind(p.phase());
            double perRequest = cpuMillisPerRequest(p.phase(), kind);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.3f | %.2f | %.1f | %.2f | %d | %.2f | %.0f | %.1f | %.0f | %.1f |%n",
                    p.phase(),
                    kind,
                    perRequest,
                    perRequest / tokenCpu,
                    p.serverCpu(),
                    p.serverCpu() / p.seconds(),
                    p.gc().collections(),
                    p.gc().collections() / p.seconds(),
                    p.gc().pauseSeconds() * 1000,
                    100 * p.gc().pauseSeconds() / p.seconds(),
                    p.peakRssMb(),
                    p.generatorCpu()));
        }
        out.append(
                "\n(Per request of the phase's main kind: in the bind phase, per bound device, with its share of"
                        + " SSO, registration, SPC and redemption; the server's CPU includes the simulator's on the same JVM.)\n");
        out.append(String.format(
                Locale.ROOT,
                "%nServers %s: peak RSS during the measured windows %.0f MB, " + "high-water mark since start %.0f MB",
                servers.pids(),
                peakRss,
                servers.peakRssMegabytes()));
        Optional<Double> start = ServerProcesses.libertyStartSeconds(SERVER_LOG);
        out.append(
                start.map(s -> String.format(Locale.ROOT, "; Liberty's last start took %.1f s (%s).%n", s, SERVER_LOG))
                        .orElse(".\n"));

        Latencies resolved = measured.get(RESOLVED);
        Latencies first = measured.get(FIRST);
        Latencies token = measured.get(SIM_TOKEN);
        Latencies records = measured.get(SIM_RECORDS);
        out.append(String.format(
                Locale.ROOT,
                "%nTether's own share: device-bound (resolved) adds %.2f ms at p50 and %.2f ms at p99 to the simulator token call"
                        + " it makes; device-bound (first) adds %.2f ms at p50 to the token and record calls it makes.%n",
                resolved.percentileMillis(0.5) - token.percentileMillis(0.5),
                resolved.percentileMillis(0.99) - token.percentileMillis(0.99),
                first.percentileMillis(0.5) - token.percentileMillis(0.5) - records.percentileMillis(0.5)));
        out.append(String.format(
                Locale.ROOT,
                "Heartbeats per second %.0f against device-bound (resolved) tokens per second %.0f in the same run: %.2f"
                        + " (goal: at least 2); renewed over %d leases.%n",
                throughput(HEARTBEAT),
                throughput(RESOLVED),
                throughput(HEARTBEAT) / throughput(RESOLVED),
                streams.size()));
        if (compared != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "Device-bound (resolved) per second at %s: %.0f, at the compared server %s: %.0f; ratio %.2f.%n",
                    URLS,
                    throughput(RESOLVED),
                    COMPARE,
                    throughput(RESOLVED_COMPARED),
                    throughput(RESOLVED) / throughput(RESOLVED_COMPARED)));
        }
        double ratio = throughput(RESOLVED) / throughput(SIM_TOKEN);
        out.append(String.format(
                Locale.ROOT,
                "Throughput ratio, device-bound (resolved) / simulator token API alone: %.2f (each Tether request makes one"
                        + " such call on the same server, so 0.5 is the ceiling); time-based: %.2f.%n",
                ratio,
                throughput(TIME_BASED) / throughput(SIM_TOKEN)));
        out.append(String.format(
                Locale.ROOT,
                "Server CPU per request ÷ the simulator token call's: device-bound (resolved) %.2f, time-based %.2f.%n",
                cpuMillisPerRequest("device-bound, resolved", RESOLVED) / tokenCpu,
                cpuMillisPerRequest("time-based", TIME_BASED) / tokenCpu));
        return out.toString();
    }

    /** The request kind a phase's CPU time is divided by. */
    private static String mainKind(String phase) {
        return switch (phase) {
            case "bind" -> FIRST;
            case "device-bound, resolved" -> RESOLVED;
            case "device-bound, resolved, at the compared server" -> RESOLVED_COMPARED;
            case "time-based" -> TIME_BASED;
            case "heartbeat" -> HEARTBEAT;
            case "at the stream limit" -> AT_LIMIT;
            case "simulator token" -> SIM_TOKEN;
            case "simulator records" -> SIM_RECORDS;
            default -> throw new IllegalArgumentException(phase);
        };
    }

    /** The servers' CPU milliseconds in {@code phase}'s measured windows per request of {@code kind}. */
    private double cpuMillisPerRequest(String phase, String kind) {
        double cpu = usage.stream()
                .filter(u -> u.phase().equals(phase))
                .mapToDouble(PhaseUsage::serverCpu)
                .sum();
        int count = measured.get(kind).count();
        return count > 0 ? 1000 * cpu / count : Double.NaN;
    }

    private double throughput(String kind) {
        String phase = switch (kind) {
            case RESOLVED -> "device-bound, resolved";
            case RESOLVED_COMPARED -> "device-bound, resolved, at the compared server";
            case TIME_BASED -> "time-based";
            case SIM_TOKEN -> "simulator token";
            case SIM_RECORDS -> "simulator records";
            case HEARTBEAT -> "heartbeat";
            case AT_LIMIT -> "at the stream limit";
            default -> "bind";
        };
        double seconds = usage.stream()
                .filter(u -> u.phase().equals(phase))
                .mapToDouble(PhaseUsage::seconds)
                .sum();
        return seconds > 0 ? measured.get(kind).count() / seconds : Double.NaN;
    }

    private String describeErrors() {
        StringBuilder errors = new StringBuilder();
        for (Latencies l : measured.values()) {
            if (l.errors() > 0) {
                errors.append(String.format("%n  %s: %d errors, the first: %s", l.kind(), l.errors(), l.firstError()));
            }
        }
        return errors.toString();
    }

    /** A random stream's lease from the device-bound phase. */
    private Stream randomStream() {
        synchronized (streams) {
            return streams.get(ThreadLocalRandom.current().nextInt(streams.size()));
        }
    }

    /** A random bound device, or null before the first. */
    private Bound randomBound() {
        synchronized (bound) {
            return bound.isEmpty()
                    ? null
                    : bound.get(ThreadLocalRandom.current().nextInt(bound.size()));
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static long generatorCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
