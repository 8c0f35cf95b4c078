/**
 * The anti-corruption layer to ExpressPlay: MicroProfile REST client interfaces in ExpressPlay's words, one per DRM's token API (FairPlay, Widevine, PlayReady) and one for record retrieval; one fault-tolerant bean per DRM ({@code ExpressPlayCalls}, {@code WidevineCalls}, {@code PlayReadyCalls}), each with its own circuit and bulkhead, that alone know the parameter names and the customer authenticator; the reader of record retrieval's undocumented format and the rule that tells a cookie's device from what it shows; and the gateway that dispatches by DRM and turns every failure into Tether's own exceptions.
 */
package dev.tether.expressplay;
