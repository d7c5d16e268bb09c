-- Migration: add the paused task status
-- Date: 2026-11-09
-- Author: maxim (backend)
-- Source: TASKS-117, pausing tasks
--
-- Implements:
-- - task_status gains 'paused' (append-only enum change)

ALTER TYPE "public"."task_status" ADD VALUE IF NOT EXISTS 'paused';
