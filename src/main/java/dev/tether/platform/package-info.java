/**
 * What the application runs on: the datasource, the schema migration at start-up (and the
 * {@link dev.tether.platform.SchemaReady} event that orders everything that needs the schema), the
 * health checks, the one JSON-P provider, and what every capability shares without owning it: the
 * {@link dev.tether.platform.Refusal} a capability's reasons implement and the characters of the
 * ids Tether exchanges ({@link dev.tether.platform.IdSyntax}), and whether the {@code dev} profile is
 * on ({@link dev.tether.platform.Profiles}), the strict reading of a JSON body
 * ({@link dev.tether.platform.StrictJson}), the free-text rule ({@link dev.tether.platform.FreeText}),
 * the creation locks ({@link dev.tether.platform.CreationLock}), the URLs Tether hands out
 * ({@link dev.tether.platform.PublicLinks}) and the timers' schedule
 * ({@link dev.tether.platform.Periodic}). It knows no capability:
 * capabilities contribute their Java migrations as beans.
 */
package dev.tether.platform;
