/**
 * The HTTP contract every endpoint shares: the JAX-RS application, RFC 9457 problem details and
 * the exception mappers that turn refusals, unreadable requests and bugs into them. Capabilities
 * use it; it uses no capability.
 */
package dev.tether.api;
