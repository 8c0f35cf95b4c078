/**
 * What the application runs on: the datasource, the schema migration at start-up (and the
 * {@link dev.tether.platform.SchemaReady} event that orders everything that needs the schema), the
 * health checks and the one JSON-P provider. It knows no capability: capabilities contribute
 * their Java migrations as beans.
 */
package dev.tether.platform;
