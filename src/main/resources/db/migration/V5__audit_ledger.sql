-- The tamper-evident ledger (README, "The audit ledger"). One script for H2 and PostgreSQL.
--
-- Every event gets its place in the chain (seq, gapless from 1) and its link (chain_hash: hex
-- SHA-256 of the previous event's hash and the event's canonical encoding). The Java migration 5.1
-- (dev.tether.audit.ledger.LedgerChainMigration) chains the events already here and then makes
-- both columns NOT NULL; the unique index keeps two events from sharing a place.
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN chain_hash VARCHAR(64);
CREATE UNIQUE INDEX ux_audit_event_seq ON audit_event (seq);

-- The newest link, one row, locked by every append: appends from any number of instances take
-- their sequence numbers one after the other. It also remembers the newest checkpoint, so that an
-- append can tell whether one is due without a query.
CREATE TABLE audit_ledger_head (
    id             INTEGER PRIMARY KEY,
    seq            BIGINT      NOT NULL,
    head_hash      VARCHAR(64) NOT NULL,
    checkpoint_seq BIGINT      NOT NULL,
    checkpoint_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO audit_ledger_head (id, seq, head_hash, checkpoint_seq)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Signed checkpoints: (seq, head hash, time) signed with Ed25519 under key_id.
CREATE TABLE audit_checkpoint (
    seq       BIGINT PRIMARY KEY,
    head_hash VARCHAR(64)  NOT NULL,
    made_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id    VARCHAR(32)  NOT NULL,
    signature VARCHAR(128) NOT NULL
);
