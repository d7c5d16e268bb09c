CREATE TABLE t9 (a varchar(3)), b int, c int);
--> statement-breakpoint
CREATE TABLE t10 (a numeric(5, 2) DEFAULT (1 + (2)), b int CHECK (b > 0) NOT NULL, LIKE other, c text COLLATE "C", d int[] DEFAULT '{}');
--> statement-breakpoint
ALTER TABLE t10 ALTER COLUMN a TYPE numeric(6, 2), ALTER COLUMN b TYPE bigint, ALTER COLUMN c TYPE varchar, ALTER COLUMN d TYPE text[];
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN name TYPE varchar(10)) USING x, ALTER COLUMN email TYPE text;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN email TYPE varchar(300) COLLATE "C" USING email::varchar;
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT k1 CHECK (a > 0)) NOT VALID, ADD CONSTRAINT k2 FOREIGN KEY (a) REFERENCES b (c) NOT VALID;
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT k3 CHECK (a IS NOT NULL AND (NOT VALID)), ADD CONSTRAINT k4 CHECK ((a) IS NOT NULL);
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d1 uuid DEFAULT (gen_random_uuid(), ADD COLUMN d2 int;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d3 uuid DEFAULT x) gen_random_uuid() NOT NULL;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d4 uuid DEFAULT (x) NOT NULL gen_random_uuid();
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d5 int DEFAULT f(random()), ADD COLUMN d6 int DEFAULT nextval ('s') UNIQUE;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d7 int REFERENCES x (id) DEFAULT 1 CHECK (d7 > 0) PRIMARY KEY, ADD d8 int COLLATE "C" NOT NULL;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN d9 timestamp GENERATED ALWAYS AS (now()) STORED, ADD COLUMN d10 int GENERATED;
--> statement-breakpoint
DROP TABLE x1 ), x2;
--> statement-breakpoint
DROP INDEX i1 (, i2;
--> statement-breakpoint
DROP INDEX i3 ,;
--> statement-breakpoint
DROP TABLE IF EXISTS;
--> statement-breakpoint
DROP INDEX CONCURRENTLY;
--> statement-breakpoint
DROP TYPE "a"."b"."c", d.e;
--> statement-breakpoint
CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1;
--> statement-breakpoint
ALTER MATERIALIZED VIEW mv RENAME TO mv2;
--> statement-breakpoint
ALTER MATERIALIZED VIEW IF EXISTS other_mv RENAME TO x;
--> statement-breakpoint
DROP MATERIALIZED VIEW mv;
--> statement-breakpoint
CREATE "quoted kind" x;
--> statement-breakpoint
DROP "materialized" view v;
--> statement-breakpoint
CREATE TABLE nt (id int);
--> statement-breakpoint
CREATE INDEX fresh_idx ON nt (id);
--> statement-breakpoint
ALTER INDEX IF EXISTS fresh_idx RENAME TO y;
--> statement-breakpoint
ALTER TABLE nt RENAME TO nt2;
--> statement-breakpoint
ALTER TABLE nt2 ADD COLUMN z int NOT NULL, ADD CONSTRAINT nt_uq UNIQUE (z), RENAME COLUMN z TO zz;
--> statement-breakpoint
ALTER TABLE IF EXISTS ONLY nt ADD CHECK (id > 0);
--> statement-breakpoint
CREATE TYPE mood2 AS ENUM ('a');
--> statement-breakpoint
DO $$ BEGIN ALTER TYPE mood2 ADD VALUE 'b'; ALTER TYPE status ADD VALUE IF NOT EXISTS 'c'; END $$;
--> statement-breakpoint
SELECT 'c', $q$ uses 'c' $q$;
--> statement-breakpoint
CREATE INDEX "idx"
  ON users (name);
--> statement-breakpoint
REINDEX ( VERBOSE ) INDEX CONCURRENTLY i;
--> statement-breakpoint
REINDEX (CONCURRENTLY OFF, VERBOSE) SCHEMA public;
