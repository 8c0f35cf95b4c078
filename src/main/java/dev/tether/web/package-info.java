/**
 * What every endpoint shares: the JAX-RS application, RFC 9457 problem details and the exception
 * mappers that produce them; and what the application needs to run: the database migration at
 * start-up and the health checks.
 */
package dev.tether.web;
