package dev.tether.platform;

/**
 * Fired once the schema is up to date, at start-up: work that needs the schema (sealing, seeding)
 * observes this event instead of ordering itself after the migration by a shared priority.
 */
public record SchemaReady(int migrationsApplied) {}
