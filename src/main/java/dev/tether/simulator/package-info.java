/**
 * An ExpressPlay simulator (token, rights and record-retrieval APIs, simulated FairPlay SPCs, a device lab) and a development SSO token issuer, served by the same server for running and testing; switched off in production with tether.simulator.enabled=false.
 */
package dev.tether.simulator;
