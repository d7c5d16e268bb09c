package io.drizzlemigrator.examples.micronaut;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A row of {@code tasks}, as the migrations define it.
 *
 * @param status {@code open}, {@code paused} or {@code done} (the {@code task_status} enum)
 */
@Serdeable
public record Task(long id, String title, String status, String owner, Instant createdAt) {
}
