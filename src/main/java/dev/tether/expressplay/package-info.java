/**
 * The anti-corruption layer to ExpressPlay: MicroProfile REST client interfaces in ExpressPlay's words, one fault-tolerant bean that alone knows the parameter names and the customer authenticator, and the gateway that turns every failure into Tether's own exceptions.
 */
package dev.tether.expressplay;
