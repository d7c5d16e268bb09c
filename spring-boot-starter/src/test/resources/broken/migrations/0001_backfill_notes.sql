ALTER TABLE "notes" ADD COLUMN "author" text;--> statement-breakpoint
UPDATE "notes" SET "author" = "users"."name" FROM "users" WHERE "users"."id" = "notes"."id";
