ALTER TABLE "public"."users" DROP COLUMN "note";
