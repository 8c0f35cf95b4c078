/**
 * What every simulator endpoint shares: the JAX-RS application, problem details for the
 * simulator's own (non-ExpressPlay) errors, and the mappers that keep container error pages and
 * stack traces out of its answers. The simulator imports nothing of Tether's, so this is its own.
 */
package dev.simulator.http;
