package dev.simulator.expressplay;

/** The ExpressPlay endpoints the simulator serves, each with its own faults and call counter. */
public enum SimulatedEndpoint {
    TOKEN,
    RECORDS,
    RIGHTS
}
