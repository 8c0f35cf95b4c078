/**
 * The append-only audit trail: one event per decision, written in the decision's transaction
 * (refusals in their own), the database's guard against changing it, and the auditor's reporting
 * API (search with keyset pagination, CSV export, per-user and per-device views, aggregates).
 */
package dev.tether.audit;
