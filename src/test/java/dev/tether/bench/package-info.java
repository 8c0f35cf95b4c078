/**
 * Benchmarks, not tests; none asserts a timing. {@code FlowBenchmark} ({@code mvn -Pflow verify})
 * and {@code LatencyBenchmark} ({@code mvn -Platency verify}) drive a running server over HTTP: the
 * flow's throughput, and concurrent device-bound requests under an injected ExpressPlay latency.
 * {@code AuditBenchmark} ({@code mvn -Pbench verify}) loads a synthetic trail into PostgreSQL
 * through Tether's own migrations, starts Tether on it and times the auditor's queries. See the
 * README.
 */
package dev.tether.bench;
