-- Migration 3.1 (ContentKeySealingMigration, in Java) has wrapped every clear key of V1 under a
-- master key; the clear column has held nothing since, and goes.
ALTER TABLE content DROP COLUMN content_key_hex;
