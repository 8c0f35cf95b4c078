package dev.tether.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An audit trail that keeps events in memory, honouring the one transactional promise the use
 * cases rely on: an event {@link #record recorded} in a use case's transaction is kept only if
 * that transaction commits, while one {@link #commit committed} on its own is kept at once. A
 * test marks the transaction's ends with {@link #begin}, {@link #committed} and {@link #rolledBack}.
 */
public class CollectingAuditTrail extends AuditTrail {

    private final List<AuditEvent> kept = new ArrayList<>();
    private final List<AuditEvent> pending = new ArrayList<>();
    private boolean inTransaction;

    @Override
    public void record(AuditEvent event) {
        if (!inTransaction) {
            throw new IllegalStateException("record needs a transaction (TxType.MANDATORY)");
        }
        pending.add(event);
    }

    @Override
    public void commit(AuditEvent event) {
        kept.add(event);
    }

    public void begin() {
        inTransaction = true;
    }

    public void committed() {
        kept.addAll(pending);
        pending.clear();
        inTransaction = false;
    }

    public void rolledBack() {
        pending.clear();
        inTransaction = false;
    }

    /** The events that reached the database, in the order they did. */
    public List<AuditEvent> events() {
        return List.copyOf(kept);
    }

    /** Each kept event as {@code TYPE OUTCOME [REASON] [device=ID]}, the shape a decision table states. */
    public List<String> summary() {
        return kept.stream()
                .map(e -> e.type() + " " + e.outcome() + (e.reasonCode() == null ? "" : " " + e.reasonCode())
                        + (e.deviceId() == null ? "" : " device=" + e.deviceId()))
                .toList();
    }
}
