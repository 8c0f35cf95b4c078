/**
 * The benchmarks, not tests: they assert nothing and run only when asked (see the README).
 * The audit benchmark ({@link dev.tether.bench.AuditBenchmark}, {@code mvn -Pliberty,bench verify})
 * loads a {@link dev.tether.bench.SyntheticTrail} into PostgreSQL through Tether's own migrations
 * ({@link dev.tether.bench.TrailLoader} into the {@link dev.tether.bench.BenchDatabase}), starts
 * Tether on it ({@link dev.tether.bench.BenchServer}) and times the auditor's queries over HTTP
 * ({@link dev.tether.bench.AuditMeasurement}). The flow benchmark
 * ({@link dev.tether.bench.FlowBenchmark}, {@code mvn -Pflow verify}) drives a running server
 * through the device-binding flow with a {@link dev.tether.bench.FlowClient}, keeps each request
 * kind's {@link dev.tether.bench.Latencies} and reads the servers' CPU and memory from
 * {@link dev.tether.bench.ServerProcesses}. The latency benchmark
 * ({@link dev.tether.bench.LatencyBenchmark}, {@code mvn -Platency verify}) fires concurrent
 * device-bound requests under an injected ExpressPlay latency and counts how many proceed at once.
 */
package dev.tether.bench;
