package io.drizzlemigrator.examples.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /tasks}.
 *
 * @param title required
 * @param owner optional; the column's default ({@code unassigned}) when absent
 */
@Serdeable
public record NewTask(String title, @Nullable String owner) {
}
