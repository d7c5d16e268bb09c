CREATE TYPE "public"."colour" AS ENUM ('red');
