/**
 * The append-only audit trail: one event per decision, written in the decision's transaction (refusals in their own), and the auditor's read API.
 */
package dev.tether.audit;
