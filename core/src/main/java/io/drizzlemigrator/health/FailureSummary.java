package io.drizzlemigrator.health;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ErrorSummary;
import java.time.Instant;

/** A run's failure as the health model keeps it: core's {@link ErrorSummary} (the one masking of error text) and when. */
final class FailureSummary {

    private FailureSummary() {
    }

    static MigrationHealth.Failure of(DrizzleMigratorException error, String fallbackTag, Instant at) {
        ErrorSummary s = ErrorSummary.of(error, fallbackTag);
        return new MigrationHealth.Failure(s.type(), s.tag(), s.sqlState(), s.message(), s.leftBehind(), at);
    }
}
