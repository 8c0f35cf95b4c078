package dev.tether.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as a test needs: OTLP over HTTP with protobuf bodies ({@code /v1/traces},
 * {@code /v1/metrics}; logs are accepted and dropped), parsed with OpenTelemetry's own proto
 * classes, keeping every span and every number data point it was sent.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A span as the test reads it. */
    record ReceivedSpan(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            Map<String, String> attributes) {}

    /** One data point of a sum or a gauge (histograms give their count). */
    record Point(String metric, Map<String, String> attributes, double value) {}

    private static OtlpReceiver shared;

    /**
     * The receiver of this test run, up from the run's start ({@link OtlpReceiverSession}) so that
     * the test servers, which export from their start, never find the port closed; started here
     * when a test runs outside Maven.
     */
    static synchronized OtlpReceiver shared() {
        if (shared == null) {
            shared = new OtlpReceiver(Integer.getInteger(PORT, 4318));
        }
        return shared;
    }

    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** The system property (set by the build for the integration tests) naming the port. */
    static final String PORT = "tether.it.otlp-port";

    private final HttpServer server;
    // Exports are answered on a pool, not on the server's one dispatcher thread, and kept in queues
    // that append in constant time: a copy-on-write list copied all it held on every data point,
    // and a whole suite sends tens of thousands of points (WildFly: some 115 a second, from more than
    // one exporter at a time), behind which a trace export could wait past its timeout.
    private final ExecutorService exchanges = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "otlp-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();
    private final Queue<Point> points = new ConcurrentLinkedQueue<>();

    OtlpReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("OTLP receiver not started on " + port, e);
        }
        server.createContext("/v1/traces", exchange -> answer(exchange, this::traces));
        server.createContext("/v1/metrics", exchange -> answer(exchange, this::metrics));
        server.createContext("/v1/logs", exchange -> answer(exchange, body -> {}));
        server.setExecutor(exchanges);
        server.start();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<Point> points(String metric) {
        return points.stream().filter(p -> p.metric().equals(metric)).toList();
    }

    /** The metric names received so far, for a failure's message. */
    java.util.Set<String> names() {
        return new java.util.TreeSet<>(points.stream().map(Point::metric).toList());
    }

    @Override
    public void close() {
        server.stop(0);
        exchanges.shutdownNow();
    }

    private interface Body {
        void read(byte[] body) throws IOException;
    }

    private static void answer(HttpExchange exchange, Body handler) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                            ? new GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            handler.read(body);
            // An empty Export*ServiceResponse: full success.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void traces(byte[] body) throws IOException {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        request.getResourceSpansList()
                .forEach(resource -> resource.getScopeSpansList()
                        .forEach(scope -> scope.getSpansList()
                                .forEach(span -> spans.add(new ReceivedSpan(
                                        hex(span.getTraceId().toByteArray()),
                                        hex(span.getSpanId().toByteArray()),
                                        hex(span.getParentSpanId().toByteArray()),
                                        span.getName(),
                                        span.getKind(),
                                        attributes(span.getAttributesList()))))));
    }

    private void metrics(byte[] body) throws IOException {
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
        request.getResourceMetricsList()
                .forEach(resource -> resource.getScopeMetricsList()
                        .forEach(scope -> scope.getMetricsList().forEach(this::metric)));
    }

    private void metric(Metric metric) {
        List<NumberDataPoint> numbers = metric.hasSum()
                ? metric.getSum().getDataPointsList()
                : metric.hasGauge() ? metric.getGauge().getDataPointsList() : List.of();
        for (NumberDataPoint point : numbers) {
            double value =
                    point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
            points.add(new Point(metric.getName(), attributes(point.getAttributesList()), value));
        }
        if (metric.hasHistogram()) {
            metric.getHistogram()
                    .getDataPointsList()
                    .forEach(point -> points.add(
                            new Point(metric.getName(), attributes(point.getAttributesList()), point.getCount())));
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : attributes) {
            AnyValue value = kv.getValue();
            map.put(
                    kv.getKey(),
                    switch (value.getValueCase()) {
                        case STRING_VALUE -> value.getStringValue();
                        case INT_VALUE -> Long.toString(value.getIntValue());
                        case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                        case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                        default -> value.toString();
                    });
        }
        return map;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
