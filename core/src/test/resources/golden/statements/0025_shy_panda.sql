CREATE INDEX CONCURRENTLY IF NOT EXISTS a_idx ON "public"."orders" (b);
