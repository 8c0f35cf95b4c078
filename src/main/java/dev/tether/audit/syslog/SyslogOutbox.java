package dev.tether.audit.syslog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The cursor's transactions, each short and of its own: none is open while a batch is sent. */
@ApplicationScoped
public class SyslogOutbox {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    private SyslogCursor locked() {
        return em.find(SyslogCursor.class, SyslogCursor.ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<SyslogCursor.Claim> claim(String node, Instant now, Duration lease) {
        return locked().claim(node, now, lease);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean delivered(String node, long seq, long checkpointSeq, Instant now) {
        return locked().delivered(node, seq, checkpointSeq, now);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String node, String error, Instant now) {
        locked().failed(node, error, now);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void release(String node) {
        locked().release(node);
    }

    /** The cursor as committed, without a lock: for the status. */
    @Transactional(TxType.REQUIRES_NEW)
    public SyslogCursor read() {
        SyslogCursor cursor = em.find(SyslogCursor.class, SyslogCursor.ROW);
        em.refresh(cursor);
        em.detach(cursor);
        return cursor;
    }
}
