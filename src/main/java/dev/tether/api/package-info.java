/**
 * The HTTP contract every endpoint shares: the JAX-RS application, RFC 9457 problem details, the
 * strict reading of every JSON body ({@link dev.tether.api.StrictJsonBodies}), the one-credential
 * rule ({@link dev.tether.api.OneCredential}), the one JSON-B instance every answer is written
 * with ({@link dev.tether.api.SharedJsonb}), and the exception mappers that turn refusals,
 * unreadable requests and bugs into problems. A refusal no use case recorded is recorded by the
 * mappers through {@code dev.tether.audit.RequestRefusals}, the one capability it uses; no
 * capability uses it.
 */
package dev.tether.api;
