CREATE TYPE "public"."status" AS ENUM('active', 'inactive');
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"name" text,
	"price" numeric(10, 2) DEFAULT 0,
	"tags" text[],
	"status" "public"."status" DEFAULT 'active',
	"ip" cidr,
	"created" timestamp without time zone DEFAULT now(),
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "price_positive" CHECK (("price" > 0) AND ("price" < 1000000))
);
--> statement-breakpoint
CREATE TABLE "orders" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "user_id" integer REFERENCES users(id), "total" numeric(12,2), note varchar);
--> statement-breakpoint
CREATE UNLOGGED TABLE scratch (a int, b int, PRIMARY KEY (a, b));
--> statement-breakpoint
CREATE TABLE empty_one ();
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree ("email");
--> statement-breakpoint
CREATE VIEW active_users AS SELECT id, email FROM users WHERE status = 'active';
--> statement-breakpoint
CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(total) FROM orders GROUP BY user_id;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.created = now(); RETURN NEW; END $$ LANGUAGE plpgsql;
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade;
--> statement-breakpoint
ALTER TABLE users ADD COLUMN age integer NOT NULL, ALTER COLUMN name SET NOT NULL, DROP COLUMN ip;
--> statement-breakpoint
ALTER TYPE "public"."status" ADD VALUE 'banned';
--> statement-breakpoint
DROP VIEW active_users;
--> statement-breakpoint
DROP TABLE scratch, empty_one;
