package dev.simulator.expressplay;

/** An injected fault as the control API shows it, with how much of it is left and how often it hit. */
public record FaultView(
        long id,
        SimulatedEndpoint endpoint,
        FaultKind kind,
        Integer count,
        Double fraction,
        Long latencyMs,
        Integer status,
        Integer errorCode,
        Integer remaining,
        int applied) {}
