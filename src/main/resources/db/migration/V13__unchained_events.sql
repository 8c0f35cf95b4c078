-- Where events take their place when the ledger is switched off (tether.audit.ledger.enabled=false,
-- README "The audit ledger"): a sequence, read without a lock, whose values are stored negated so
-- that they can never collide with the chain's places (1, 2, 3, ...). One script for H2 and PostgreSQL.
CREATE SEQUENCE audit_event_unchained_seq START WITH 1;
