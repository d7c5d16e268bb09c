-- Migration: create the notes table
-- Source: micronaut-module tests, a run that fails in its second migration
CREATE TABLE IF NOT EXISTS "notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"body" text NOT NULL UNIQUE
);--> statement-breakpoint
INSERT INTO "notes" ("body") VALUES ('top-secret-note');
