DO $$ BEGIN
 CREATE TYPE "public"."role" AS ENUM('admin', 'user');
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'x') THEN
    CREATE INDEX x ON users (name);
  ELSE
    DROP INDEX y;
  END IF;
  FOR i IN 1..2 LOOP
    ALTER TABLE users DROP COLUMN junk;
  END LOOP;
  PERFORM 1; ALTER TYPE role ADD VALUE 'guest';
END
$do$;
--> statement-breakpoint
DO LANGUAGE plpgsql $$ BEGIN ALTER TABLE users ADD CONSTRAINT ck CHECK (age > 0); END $$;
--> statement-breakpoint
DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$ LANGUAGE sql;
--> statement-breakpoint
DO $$ BEGIN ALTER TABLE users ALTER COLUMN age SET NOT NULL; DO $x$ BEGIN DROP TABLE inner_t; END $x$; END $$;
--> statement-breakpoint
DO $$ BEGIN RAISE NOTICE 'it''s $ fine'; END $$;
--> statement-breakpoint
DO $$ BEGIN INSERT INTO users (status) VALUES ('guest'); END $$;
