package com.example.tasks;

import java.time.OffsetDateTime;

/**
 * A row of {@code tasks} (see drizzle/schema.ts).
 *
 * @param status {@code open}, {@code done} or {@code paused} (the {@code task_status} enum)
 */
public record Task(long id, String title, String status, String owner, OffsetDateTime createdAt) {
}
