/**
 * The tamper-evident ledger under the audit trail: the canonical encoding of an event and the
 * SHA-256 hash chain over it ({@link dev.tether.audit.ledger.LedgerRecord}), the locked head row
 * that serialises appends from any number of instances ({@link dev.tether.audit.ledger.LedgerHead}),
 * the Ed25519-signed checkpoints and their keys, and the verifier that finds the first break, used
 * online by the auditor's API and offline on an export. It knows the event's fields, not the audit
 * package's classes, so that the offline verifier needs nothing of the server.
 */
package dev.tether.audit.ledger;
