-- Migration: inserts a duplicate, so the unique constraint refuses it
-- Source: micronaut-module tests; the statement and the row value must never reach health output
INSERT INTO "notes" ("body") VALUES ('top-secret-note');
