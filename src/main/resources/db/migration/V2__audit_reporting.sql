-- Audit reporting: indexes that follow the auditor's queries. One script for H2 and PostgreSQL.
--
-- Every search is "filter, then newest first" with keyset pagination on (occurred_at, id), so each
-- filterable column leads an index that continues with (occurred_at, id): a page, however deep,
-- is one index range scan that stops after the page's rows. The append-only guard on PostgreSQL
-- is migration 2.1 (dev.tether.audit.AuditAppendOnlyMigration), because a trigger body is
-- PostgreSQL's own language and H2 has none.

-- Superseded by ix_audit_event_user_time: the user's events are now ordered by time, then id.
DROP INDEX ix_audit_event_user;
-- Superseded by ix_audit_event_time_device, which also answers "distinct devices in a range"
-- from the index alone.
DROP INDEX ix_audit_event_time;

CREATE INDEX ix_audit_event_time_device  ON audit_event (occurred_at, id, device_id);
CREATE INDEX ix_audit_event_user_time    ON audit_event (user_id, occurred_at, id);
CREATE INDEX ix_audit_event_device_time  ON audit_event (device_id, occurred_at, id);
CREATE INDEX ix_audit_event_content_time ON audit_event (content_id, occurred_at, id);
-- Type (and outcome) searches; with content_id it covers the token counts per day and per
-- content (grants of the token types in a range) without reading the table.
CREATE INDEX ix_audit_event_type_time    ON audit_event (event_type, outcome, occurred_at, id, content_id);
-- Outcome searches, and the refusals-by-reason report (covered).
CREATE INDEX ix_audit_event_outcome_time ON audit_event (outcome, occurred_at, reason_code);

-- The users-near-the-device-limit report counts each user's bound devices active in a range.
CREATE INDEX ix_device_last_seen ON device (last_seen_at);
