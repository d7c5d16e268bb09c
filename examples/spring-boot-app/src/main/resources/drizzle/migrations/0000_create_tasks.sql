-- Migration: create the tasks table
-- Date: 2026-11-02
-- Author: urszula (backend)
-- Source: TASKS-101, first version of the task service
--
-- Implements:
-- - task_status enum
-- - tasks table
--
-- Additive only (new objects): no rollback file needed.

CREATE TYPE "public"."task_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
