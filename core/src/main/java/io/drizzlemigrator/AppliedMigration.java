package io.drizzlemigrator;

import java.time.Duration;
import java.util.Objects;

/**
 * A migration applied by a run.
 *
 * @param tag the journal tag
 * @param duration how long it took, bookkeeping included
 * @param transactional whether it ran inside its own transaction
 * @param statements how many statements were sent
 */
public record AppliedMigration(String tag, Duration duration, boolean transactional, int statements) {

    public AppliedMigration {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(duration, "duration");
    }
}
