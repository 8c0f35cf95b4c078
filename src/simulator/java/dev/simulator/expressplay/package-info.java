/**
 * The simulated ExpressPlay: the FairPlay token, rights and record-retrieval APIs with
 * ExpressPlay's validation and error codes, simulated SPCs and CKCs, the device lab that makes a
 * player's SPC, and fault injection. Reached only over HTTP, as the real service is.
 */
package dev.simulator.expressplay;
