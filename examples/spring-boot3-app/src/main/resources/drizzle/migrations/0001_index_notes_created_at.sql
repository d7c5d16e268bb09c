-- built without blocking writes: this migration runs outside a transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS "notes_created_at_idx" ON "notes" ("created_at");
