/**
 * The anti-corruption layer to ExpressPlay: MicroProfile REST client interfaces in ExpressPlay's words, one fault-tolerant bean that alone knows the parameter names and the customer authenticator, the reader of record retrieval's undocumented format and the rule that tells a cookie's device from what it shows, and the gateway that turns every failure into Tether's own exceptions.
 */
package dev.tether.expressplay;
