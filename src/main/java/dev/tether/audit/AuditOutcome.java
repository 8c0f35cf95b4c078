package dev.tether.audit;

/** Whether a decision granted what was asked. */
public enum AuditOutcome {
    GRANTED,
    REFUSED
}
