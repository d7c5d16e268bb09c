-- Migration: task owner, NOT NULL in three steps
-- Date: 2026-11-16
-- Author: urszula (backend)
-- Source: TASKS-130, tasks get an owner
--
-- Implements:
-- - tasks.owner: add with a default, backfill, then NOT NULL
-- - tasks_owner_idx built CONCURRENTLY (this migration runs outside a transaction)
--
-- Rollback: See 0002_add_task_owner_rollback.sql

-- ============================================================================
-- PART 1: the column, nullable with a default
-- ============================================================================

ALTER TABLE "tasks" ADD COLUMN IF NOT EXISTS "owner" text DEFAULT 'unassigned';--> statement-breakpoint

-- ============================================================================
-- PART 2: backfill, then NOT NULL (a CHECK validated first makes SET NOT NULL skip its scan)
-- ============================================================================

UPDATE "tasks" SET "owner" = 'unassigned' WHERE "owner" IS NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_not_null" CHECK ("owner" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "tasks" VALIDATE CONSTRAINT "tasks_owner_not_null";--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "owner" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_owner_not_null";--> statement-breakpoint

-- ============================================================================
-- PART 3: index, without blocking writes
-- ============================================================================

CREATE INDEX CONCURRENTLY IF NOT EXISTS "tasks_owner_idx" ON "tasks" ("owner");--> statement-breakpoint

-- ============================================================================
-- VERIFICATION QUERIES
-- ============================================================================

SELECT count(*) FROM "tasks" WHERE "owner" IS NULL;
