package dev.tether.bench;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The latency benchmark, not a test: how many concurrent device-bound requests proceed while
 * ExpressPlay is slow. Issue 13 moves the device-policy row lock and the transaction out of the
 * calls to ExpressPlay; this measures what that changes, before and after, on a running server.
 *
 * <p>For each batch size N ({@code latency.concurrency}, default {@code 8,32}) four cases, each
 * prepared without a fault (registrations, the device lab's SPCs redeemed, and for the resolved
 * cases the first device-bound request), then run with a LATENCY fault of {@code latency.ms}
 * (default 2000) on the simulator's token and record retrieval endpoints, all N requests
 * released at once:
 * <ol>
 * <li>one user, N first device-bound requests, each for a new device (the user's device limit
 *     is raised first, so the limit does not refuse them);</li>
 * <li>one user, N device-bound requests for one already resolved device;</li>
 * <li>N users, one first device-bound request each;</li>
 * <li>N users, one device-bound request each for a resolved device.</li>
 * </ol>
 * Per case: the batch's wall time, the outcomes (granted, or the SEES error of each refusal),
 * how many were granted within the time the request's own ExpressPlay calls take plus half a
 * latency (they did not wait for another request), the most calls the simulator served at once
 * per endpoint, and Tether's gateway outcomes (a full bulkhead, a timeout). The faults are
 * cleared after each case and on any failure. It asserts nothing about timing.
 */
public final class LatencyBenchmark {

    private static final Logger LOG = Logger.getLogger(LatencyBenchmark.class.getName());

    private static final String URL = strip(System.getProperty("latency.url", "http://localhost:9080/tether"));
    private static final String SIMULATOR = strip(
            System.getProperty("latency.simulator", URI.create(URL).resolve("/").toString()));
    private static final List<Integer> SIZES = Arrays.stream(
                    System.getProperty("latency.concurrency", "8,32").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    private static final long LATENCY_MS = Long.getLong("latency.ms", 2000);
    private static final String CONTENT = System.getProperty("latency.content", "demo-movie");
    private static final int DEVICE_LIMIT = Integer.getInteger("latency.device-limit", 100);
    private static final int WARMUP = Integer.getInteger("latency.warmup", 20);
    private static final String AUTHENTICATOR =
            System.getProperty("latency.authenticator", "1000,00112233445566778899aabbccddeeff");
    private static final Path REPORT = Path.of(System.getProperty("latency.report", "target/bench/latency.md"));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> ENDPOINTS = List.of("RECORDS", "TOKEN");

    /** The four cases; {@code calls} is how many ExpressPlay calls one request makes when nothing waits. */
    enum Case {
        ONE_USER_FIRST("a", "one user, first (N new devices)", true, false, 2),
        ONE_USER_RESOLVED("b", "one user, resolved (one device)", true, true, 1),
        USERS_FIRST("c", "N users, first", false, false, 2),
        USERS_RESOLVED("d", "N users, resolved", false, true, 1);

        final String key;
        final String title;
        final boolean oneUser;
        final boolean resolved;
        final int calls;

        Case(String key, String title, boolean oneUser, boolean resolved, int calls) {
            this.key = key;
            this.title = title;
            this.oneUser = oneUser;
            this.resolved = resolved;
            this.calls = calls;
        }
    }

    /** One device-bound request to send: whose bearer token, which cookie. */
    record Request(String bearer, String cookie) {}

    /** When a request was answered, from the batch's start, and how: "granted", "refused 4002", "HTTP 500". */
    record Answer(long nanos, String outcome) {
        boolean granted() {
            return outcome.equals("granted");
        }
    }

    /** What one case measured. */
    record Result(
            Case kind,
            int n,
            long wallNanos,
            List<Answer> answers,
            Map<String, Long> maxAtOnce,
            Map<String, Long> calls,
            Map<String, Long> gateway,
            String loadBefore,
            String loadAfter) {}

    // FlowClient first: its class sets the JDK HTTP client's keep-alive properties, read when the first client is
    // built.
    private final FlowClient setup = new FlowClient(List.of(URL), SIMULATOR, AUTHENTICATOR, CONTENT);
    private final Latencies setupCalls = new Latencies("setup");
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final OperatorClient operator;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<Result> results = new ArrayList<>();

    private LatencyBenchmark() throws InterruptedException {
        operator = new OperatorClient(URL, SIMULATOR);
    }

    public static void main(String[] args) throws Exception {
        new LatencyBenchmark().run();
    }

    private void run() throws Exception {
        LOG.info(() -> "Latency benchmark against " + URL + " (simulator and SSO at " + SIMULATOR + "): " + LATENCY_MS
                + " ms on ExpressPlay's " + ENDPOINTS + ", batches of " + SIZES);
        Thread cleanup = new Thread(this::clearFaultsQuietly, "latency-bench-clear-faults");
        Runtime.getRuntime().addShutdownHook(cleanup);
        String servers =
                ServerProcesses.find(System.getProperty("latency.pids")).pids().toString();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            operator.resetFaults();
            warmUp();
            for (int n : SIZES) {
                for (Case kind : Case.values()) {
                    results.add(measure(kind, n));
                }
            }
        } finally {
            clearFaultsQuietly();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        String report = report(started, servers);
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, report);
        LOG.info(() -> "\n" + report + "\n(also in " + REPORT + ")");
    }

    /**
     * A few complete flows without a fault before anything is measured, so that a fresh server's
     * first queries and class loading do not land in the first case.
     */
    private void warmUp() {
        String user = "latency-" + run + "-warmup";
        String bearer = required(setup.ssoToken(setupCalls, user), "SSO token");
        operator.setDeviceLimit(user, DEVICE_LIMIT);
        for (int i = 0; i < WARMUP; i++) {
            String cookie = bind(bearer);
            required(setup.sees(setupCalls, bearer, 3, cookie), "resolved device-bound request");
        }
    }

    private Result measure(Case kind, int n) throws InterruptedException {
        LOG.info(() -> "case " + kind.key + " (" + kind.title + "), N = " + n + ": preparing");
        List<Request> requests = prepare(kind, n);
        try {
            operator.resetFaults();
            for (String endpoint : ENDPOINTS) {
                operator.injectLatency(endpoint, LATENCY_MS);
            }
            JsonObject simulatorBefore = operator.simulatorState();
            Map<String, Long> gatewayBefore = operator.tetherStats();
            String loadBefore = loadAverage();
            LOG.info(() -> "case " + kind.key + ", N = " + n + ": sending");
            List<Answer> answers = new ArrayList<>(fire(requests));
            String loadAfter = loadAverage();
            JsonObject simulatorAfter = operator.simulatorState();
            Map<String, Long> gatewayAfter = operator.tetherStats();
            answers.sort((x, y) -> Long.compare(x.nanos(), y.nanos()));
            Map<String, Long> maxAtOnce = new LinkedHashMap<>();
            Map<String, Long> calls = new LinkedHashMap<>();
            for (String endpoint : ENDPOINTS) {
                maxAtOnce.put(endpoint, OperatorClient.number(simulatorAfter, "maxConcurrentCalls", endpoint));
                calls.put(
                        endpoint,
                        OperatorClient.number(simulatorAfter, "calls", endpoint)
                                - OperatorClient.number(simulatorBefore, "calls", endpoint));
            }
            Map<String, Long> gateway = new LinkedHashMap<>();
            gatewayAfter.forEach((key, after) -> {
                long delta = after - gatewayBefore.getOrDefault(key, 0L);
                if (delta != 0) {
                    gateway.put(key, delta);
                }
            });
            long wall = answers.isEmpty() ? 0 : answers.get(answers.size() - 1).nanos();
            Result result = new Result(kind, n, wall, answers, maxAtOnce, calls, gateway, loadBefore, loadAfter);
            LOG.info(() -> "case " + kind.key + ", N = " + n + ": " + row(result));
            return result;
        } finally {
            operator.resetFaults();
        }
    }

    /** The case's N requests, with everything they need done beforehand, without a fault. */
    private List<Request> prepare(Case kind, int n) {
        String prefix = "latency-" + run + "-" + kind.key + n;
        List<Request> requests = new ArrayList<>(n);
        if (kind.oneUser) {
            String bearer = required(setup.ssoToken(setupCalls, prefix), "SSO token");
            if (kind.resolved) {
                String cookie = bind(bearer);
                required(setup.sees(setupCalls, bearer, 3, cookie), "first device-bound request");
                for (int i = 0; i < n; i++) {
                    requests.add(new Request(bearer, cookie));
                }
            } else {
                operator.setDeviceLimit(prefix, DEVICE_LIMIT);
                for (int i = 0; i < n; i++) {
                    requests.add(new Request(bearer, bind(bearer)));
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                String bearer = required(setup.ssoToken(setupCalls, prefix + "-" + i), "SSO token");
                String cookie = bind(bearer);
                if (kind.resolved) {
                    required(setup.sees(setupCalls, bearer, 3, cookie), "first device-bound request");
                }
                requests.add(new Request(bearer, cookie));
            }
        }
        return requests;
    }

    /** A registration (type 2) redeemed by a new simulated device; answers its cookie. */
    private String bind(String bearer) {
        JsonObject registration = required(setup.sees(setupCalls, bearer, 2, null), "registration");
        String device = HexFormat.of().formatHex(randomBytes(20));
        byte[] spc = required(setup.spc(setupCalls, device, FlowClient.REGISTRATION_CONTENT), "device lab SPC");
        if (!setup.redeem(setupCalls, registration.getString("epTokenURL"), spc)) {
            throw new IllegalStateException("redeeming the registration token failed: " + setupCalls.firstError());
        }
        return registration.getString("customerCookie");
    }

    private <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " failed during preparation: " + setupCalls.firstError());
        }
        return value;
    }

    /** Sends every request at once, one thread each, and answers when each was answered. */
    private List<Answer> fire(List<Request> requests) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Answer> answers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            HttpRequest built = seesRequest(request);
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        String outcome = send(built);
                        long at = System.nanoTime() - start[0];
                        synchronized (answers) {
                            answers.add(new Answer(at, outcome));
                        }
                    },
                    "latency-" + i);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return answers;
    }

    private HttpRequest seesRequest(Request request) {
        String body = Json.createObjectBuilder()
                .add("messageID", UUID.randomUUID().toString())
                .add("version", 1)
                .add("requestType", 3)
                .add("contentID", CONTENT)
                .add("customerCookie", request.cookie())
                .build()
                .toString();
        return HttpRequest.newBuilder(URI.create(URL + "/sees/entitlement"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + request.bearer())
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The request's outcome: granted, refused with its SEES error, or how the exchange failed. */
    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        try {
            JsonObject answer =
                    Json.createReader(new StringReader(response.body())).readObject();
            if (answer.getBoolean("isAllowed", false)) {
                return "granted";
            }
            return "refused " + (answer.containsKey("error") && !answer.isNull("error") ? answer.get("error") : "?");
        } catch (JsonException | ClassCastException e) {
            return "unreadable answer";
        }
    }

    private String report(String started, String servers) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Tether latency benchmark, %s: %s, %d ms injected on ExpressPlay's %s"
                        + " (simulator at %s); %d processors; Liberty/WildFly JVMs on the machine: %s%n%n",
                started,
                URL,
                LATENCY_MS,
                ENDPOINTS,
                SIMULATOR,
                Runtime.getRuntime().availableProcessors(),
                servers));
        out.append(String.format(
                Locale.ROOT,
                "\"On time\": granted within (k + 0.5) x %d ms of the batch's start, k being"
                        + " the ExpressPlay calls one request makes (first: records + token, k = 2; resolved: token, k = 1),"
                        + " so it did not wait for another request. \"At ExpressPlay at once\": the most calls the simulator"
                        + " served at the same time, per endpoint.%n%n",
                LATENCY_MS));
        out.append(
                "| case | N | wall s | granted | on time | refused (SEES error × count) | answer p50 s | answer max s"
                        + " | at ExpressPlay at once: records / token | ExpressPlay calls: records / token"
                        + " | Tether's gateway, other than succeeded |\n");
        out.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            out.append(row(r)).append('\n');
        }
        out.append(
                "\nWhen each request was answered, seconds from the batch's start (load average before → after):\n\n");
        for (Result r : results) {
            Map<String, List<String>> byOutcome = new TreeMap<>();
            for (Answer a : r.answers()) {
                byOutcome.computeIfAbsent(a.outcome(), o -> new ArrayList<>()).add(seconds(a.nanos(), 1));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "- %s) %s, N = %d (load %s → %s): %s%n",
                    r.kind().key,
                    r.kind().title,
                    r.n(),
                    r.loadBefore(),
                    r.loadAfter(),
                    byOutcome.entrySet().stream()
                            .map(e -> e.getKey() + " at " + String.join(" ", e.getValue()))
                            .collect(Collectors.joining("; "))));
        }
        return out.toString();
    }

    private static String row(Result r) {
        long onTime = r.answers().stream()
                .filter(a -> a.granted() && a.nanos() <= (long) ((r.kind().calls + 0.5) * LATENCY_MS * 1_000_000))
                .count();
        long granted = r.answers().stream().filter(Answer::granted).count();
        Map<String, Long> refused = r.answers().stream()
                .filter(a -> !a.granted())
                .collect(Collectors.groupingBy(
                        a -> a.outcome().replace("refused ", ""), TreeMap::new, Collectors.counting()));
        String refusals = refused.isEmpty()
                ? "none"
                : refused.entrySet().stream()
                        .map(e -> e.getKey() + " × " + e.getValue())
                        .collect(Collectors.joining(", "));
        String gateway = r.gateway().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("SUCCEEDED") && !e.getKey().endsWith("attempts"))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "| %s) %s | %d | %s | %d | %d | %s | %s | %s | %d / %d | %d / %d | %s |",
                r.kind().key,
                r.kind().title,
                r.n(),
                seconds(r.wallNanos(), 2),
                granted,
                onTime,
                refusals,
                seconds(percentile(r.answers(), 0.5), 2),
                seconds(percentile(r.answers(), 1.0), 2),
                r.maxAtOnce().get("RECORDS"),
                r.maxAtOnce().get("TOKEN"),
                r.calls().get("RECORDS"),
                r.calls().get("TOKEN"),
                gateway.isEmpty() ? "none" : gateway);
    }

    /** Nearest-rank percentile of the answer times (the list is sorted). */
    private static long percentile(List<Answer> answers, double q) {
        if (answers.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(q * answers.size());
        return answers.get(Math.max(0, Math.min(answers.size(), rank) - 1)).nanos();
    }

    private static String seconds(long nanos, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", nanos / 1e9);
    }

    /** The 1-minute load average, to show what else ran on the machine during a case. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void clearFaultsQuietly() {
        try {
            operator.resetFaults();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not clear the simulator's faults: " + e.getMessage());
        }
    }

    private static String strip(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
