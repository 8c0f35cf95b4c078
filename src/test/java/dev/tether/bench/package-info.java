/**
 * The audit benchmark, not a test: loads a synthetic trail into PostgreSQL through Tether's own
 * migrations, starts Tether on it and times the auditor's queries over HTTP. Run with
 * {@code mvn -Pbench verify} (see the README); it asserts nothing.
 */
package dev.tether.bench;
