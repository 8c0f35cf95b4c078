package dev.tether.audit;

/**
 * Fired (a CDI event) in the transaction that appends an audit event, so that an observer of the
 * transaction's success counts the decisions that were committed, and no rolled-back one. It
 * carries the decision's kind, never who or what it was about.
 */
public record AuditRecorded(AuditType type, AuditOutcome outcome, String reasonCode) {}
