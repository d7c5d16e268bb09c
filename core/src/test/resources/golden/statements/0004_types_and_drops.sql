ALTER TYPE "public"."status" ADD VALUE 'suspended';
--> statement-breakpoint
ALTER TYPE status ADD VALUE IF NOT EXISTS 'paused' BEFORE 'inactive';
--> statement-breakpoint
ALTER TYPE status ADD VALUE $$odd$$;
--> statement-breakpoint
INSERT INTO users (email, status) VALUES ('a@b.c', 'suspended');
--> statement-breakpoint
CREATE FUNCTION f() RETURNS void AS $body$ BEGIN UPDATE users SET status = 'paused'; END $body$ LANGUAGE plpgsql;
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME VALUE 'inactive' TO 'disabled';
--> statement-breakpoint
ALTER TYPE status RENAME TO state;
--> statement-breakpoint
CREATE TYPE mood AS ENUM ('sad', 'ok');
--> statement-breakpoint
ALTER TYPE mood ADD VALUE 'happy';
--> statement-breakpoint
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
--> statement-breakpoint
DROP TYPE mood;
--> statement-breakpoint
DROP TYPE IF EXISTS "public"."state", other_type CASCADE;
--> statement-breakpoint
DROP TABLE "purchases";
--> statement-breakpoint
DROP TABLE IF EXISTS a, "public"."b" CASCADE;
--> statement-breakpoint
DROP TABLE c d, e;
--> statement-breakpoint
DROP TABLE f, (g);
--> statement-breakpoint
CREATE TABLE temp_t (id int);
--> statement-breakpoint
DROP TABLE temp_t, kept;
--> statement-breakpoint
DROP MATERIALIZED VIEW IF EXISTS order_totals;
--> statement-breakpoint
DROP FOREIGN TABLE ft;
--> statement-breakpoint
CREATE SEQUENCE s1;
--> statement-breakpoint
DROP SEQUENCE s1;
--> statement-breakpoint
ALTER SEQUENCE s2 RESTART;
--> statement-breakpoint
ALTER VIEW v RENAME TO w;
--> statement-breakpoint
DROP FUNCTION IF EXISTS touch();
