DROP TYPE "public"."mood";
