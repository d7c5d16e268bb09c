CREATE INDEX CONCURRENTLY "orders_total_idx" ON "orders" ("total");
--> statement-breakpoint
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "orders_user_idx" ON orders (user_id, (lower(note)));
--> statement-breakpoint
CREATE INDEX CONCURRENTLY ON orders (total);
--> statement-breakpoint
DROP INDEX CONCURRENTLY "orders_total_idx";
--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS a_idx, b_idx;
--> statement-breakpoint
REINDEX INDEX CONCURRENTLY users_email_idx;
--> statement-breakpoint
REINDEX (VERBOSE, CONCURRENTLY) TABLE users;
--> statement-breakpoint
ALTER TYPE status ADD VALUE 'archived';
--> statement-breakpoint
UPDATE users SET status = 'archived';
