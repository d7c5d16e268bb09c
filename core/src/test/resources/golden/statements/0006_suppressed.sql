-- Migration: drop the legacy columns
-- Date: 2024-11-19
-- Author: tests (ci)
-- Source: the golden lint test
-- Rollback: See 0006_suppressed_rollback.sql
-- drizzle-migrator:ignore-file add-unique-constraint the table is tiny
-- drizzle-migrator:ignore drop-column release 1 stopped using it
ALTER TABLE users DROP COLUMN legacy2;
--> statement-breakpoint
ALTER TABLE users DROP COLUMN legacy3; -- drizzle-migrator:ignore drop-column,rename-column both released
--> statement-breakpoint
-- drizzle-migrator:ignore set-not-null
ALTER TABLE users ALTER COLUMN score SET NOT NULL;
--> statement-breakpoint
-- drizzle-migrator:ignore drop-table nothing to drop here
ALTER TABLE users ADD CONSTRAINT uq UNIQUE (code);
--> statement-breakpoint
-- drizzle-migrator:ignore no-such-rule because
ALTER TABLE users DROP COLUMN legacy4;
