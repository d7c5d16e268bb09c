package io.drizzlemigrator.internal.sql;

import java.util.Objects;

/**
 * The kind of a statement and, for messages, the leading keywords that decided it.
 *
 * @param kind        the kind
 * @param description upper-case keywords such as {@code "CREATE INDEX CONCURRENTLY"}, {@code "VACUUM"},
 *                    {@code "BEGIN"}, {@code "ALTER TABLE"}; {@code "empty statement"} for {@link StatementKind#EMPTY}
 */
public record Classification(StatementKind kind, String description) {

    public Classification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
