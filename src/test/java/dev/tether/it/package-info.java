/**
 * Black-box integration tests: the packaged WAR deployed by Arquillian on a real server
 * ({@link dev.tether.it.TetherIT}), driven over HTTP as its callers would, each through a client
 * for its role: {@link dev.tether.it.Player} (SEES requests, the device lab, redeeming tokens at
 * the simulator), {@link dev.tether.it.Subscriber} (their own devices), {@link dev.tether.it.Auditor}
 * (the audit trail and its reports), {@link dev.tether.it.Admin} (content, devices, limits and
 * resets) and {@link dev.tether.it.FaultOperator} (the simulator's fault injection), all over one
 * {@link dev.tether.it.Http} for addresses, SSO tokens and JSON. {@link dev.tether.it.Eventually}
 * waits for a state and {@link dev.tether.it.Concurrently} races requests. Two tests deploy
 * nothing: {@link dev.tether.it.ArchivesIT} reads the packaged WARs and
 * {@link dev.tether.it.ProductionStartupIT} starts Liberty servers of its own in production mode.
 */
package dev.tether.it;
