-- Rollback: 0002_add_task_owner
-- Manual only: never run by drizzle-migrator or CI. Apply with psql after assessing the impact.

DROP INDEX CONCURRENTLY IF EXISTS "tasks_owner_idx";
ALTER TABLE "tasks" DROP COLUMN IF EXISTS "owner";
