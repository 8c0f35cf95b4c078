package dev.tether.audit;

import dev.tether.audit.ledger.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes the audit trail; {@link AuditReports} reads it. Every event is chained into the
 * {@link Ledger} in the transaction that inserts it.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    Event<AuditRecorded> recorded;

    /** Records a decision in the decision's own transaction: it commits or rolls back with it. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditEvent event) {
        append(event);
    }

    /**
     * Records an event in a transaction of its own, committed when this returns: a refusal, which
     * rolls back the use case's transaction, cannot roll back its own record, and a grant decided
     * outside a transaction (around a remote call) is committed before its token leaves.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void commit(AuditEvent event) {
        append(event);
    }

    private void append(AuditEvent event) {
        event.chain(ledger.append(event::ledgerRecord));
        em.persist(event);
        recorded.fire(new AuditRecorded(event.type(), event.outcome(), event.reasonCode()));
    }
}
