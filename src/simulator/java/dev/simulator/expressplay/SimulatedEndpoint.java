package dev.simulator.expressplay;

/** The ExpressPlay endpoints the simulator serves, each with its own faults and call counter. */
public enum SimulatedEndpoint {
    TOKEN,
    RECORDS,
    RIGHTS,
    WIDEVINE_TOKEN,
    PLAYREADY_TOKEN,
    /** Widevine's rights and PlayReady's license endpoint: the license requests of their players. */
    DRM_LICENSE
}
