package dev.tether.audit;

import dev.tether.audit.ledger.ChainVerifier;

/**
 * The result of a verification: the range [from, to] of sequence numbers, how many events and
 * checkpoints were checked, the head, and whether the stretch is intact; if not, the first break.
 */
public record LedgerReport(
        long from,
        long to,
        long head,
        long eventsChecked,
        int checkpointsChecked,
        boolean intact,
        ChainVerifier.Break firstBreak) {}
