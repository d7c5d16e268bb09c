CREATE INDEX "users_name_idx" ON "users" USING btree ("name") WHERE (status <> 'x');
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS users_code_idx ON ONLY public.users (code);
--> statement-breakpoint
CREATE INDEX ON users (age);
--> statement-breakpoint
CREATE INDEX "long_idx" ON "users" USING btree ("name", "email", "age", "code", "status", "created", "price", "tags", "token", "seq", "score", "flag", "at", "quoted", "owner_id", "plain_ref", "g", "i", "pk2", "c", "nickname", "r", "name", "email", "age", "code", "status", "created", "price", "tags", "token", "seq", "score", "flag", "at", "quoted", "owner_id", "plain_ref", "g", "i", "pk2", "c", "nickname", "r") WHERE id > 0;
--> statement-breakpoint
CREATE TABLE fresh (id int, v text);
--> statement-breakpoint
CREATE INDEX fresh_v_idx ON fresh (v);
--> statement-breakpoint
DROP INDEX fresh_v_idx;
--> statement-breakpoint
DROP INDEX "users_name_idx", public.users_code_idx CASCADE;
--> statement-breakpoint
DROP INDEX IF EXISTS x_idx, , y_idx;
--> statement-breakpoint
ALTER INDEX users_email_idx RENAME TO users_email_index;
--> statement-breakpoint
REINDEX INDEX users_email_idx;
--> statement-breakpoint
REINDEX TABLE "users";
--> statement-breakpoint
REINDEX (CONCURRENTLY false) TABLE users;
--> statement-breakpoint
REINDEX (CONCURRENTLY 0) DATABASE app;
--> statement-breakpoint
REINDEX SYSTEM app;
--> statement-breakpoint
REINDEX;
