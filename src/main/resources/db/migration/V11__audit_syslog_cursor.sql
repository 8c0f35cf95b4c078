-- The syslog push's cursor: the audit trail is its own outbox (every event has a gapless sequence
-- number once committed), so delivery needs no copy of the events, only how far the collector has
-- confirmed them. One row; a node claims it for a short lease before it sends a batch, so that the
-- job can run on every node and only one sends at a time; a node that dies mid-batch lets its
-- lease run out and another resends the batch (at least once).
CREATE TABLE audit_syslog_cursor (
    id                       INTEGER NOT NULL PRIMARY KEY,
    delivered_seq            BIGINT NOT NULL,
    delivered_checkpoint_seq BIGINT NOT NULL,
    claimed_by               VARCHAR(64),
    claimed_until            TIMESTAMP WITH TIME ZONE,
    delivered_at             TIMESTAMP WITH TIME ZONE,
    last_error               VARCHAR(255),
    last_error_at            TIMESTAMP WITH TIME ZONE
);
INSERT INTO audit_syslog_cursor (id, delivered_seq, delivered_checkpoint_seq) VALUES (1, 0, 0);
