-- Migration: reads "gate", which the test locks: the run stays in progress until the test lets it go
-- Source: micronaut-module tests, health during a long migration
SELECT count(*) FROM "gate";
