/**
 * The simulated ExpressPlay: the FairPlay, Widevine and PlayReady token APIs, their rights and
 * license endpoints and record retrieval, with ExpressPlay's validation and error codes;
 * simulated SPCs, license challenges, CKCs and licenses; the device lab that makes a player's SPC
 * or challenge; accounts that refuse device binding or a DRM; and fault injection. Reached only
 * over HTTP, as the real service is.
 */
package dev.simulator.expressplay;
