/**
 * The JAX-RS application and what every endpoint shares: RFC 9457 problem details and the exception mappers that produce them.
 */
package dev.tether.web;
