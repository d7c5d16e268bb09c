package io.drizzlemigrator.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ErrorSummary;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** Properties of the error text a health endpoint shows (jqwik; text input). */
class FailureSummaryTest {

    @Property(tries = 300)
    void theMessageIsOneBoundedLineWithoutControlCharacters(@ForAll String message) {
        String line = ErrorSummary.firstLine(message);

        assertThat(line).isNotEmpty();
        assertThat(line.codePoints().filter(Character::isISOControl)).isEmpty();
        assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(MigrationHealth.MAX_MESSAGE_LENGTH);
    }

    @Property(tries = 300)
    void nothingAfterTheFirstLineBreakIsKept(@ForAll @AlphaChars @StringLength(min = 1, max = 50) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 50) String detail) {
        String line = ErrorSummary.firstLine("ERROR: " + first + "\n  Detail: Key (email)=(" + detail + ")");

        assertThat(line).isEqualTo("ERROR: " + first);
    }

    @Property(tries = 300)
    void aPasswordInAUrlNeverShows(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String random) {
        String password = "S3cr3t-" + random;
        DrizzleMigratorException error = new DrizzleMigratorException(
                "Cannot connect to postgresql://app:" + password + "@db.internal:5432/app?password=" + password);

        MigrationHealth.Failure failure = FailureSummary.of(error, null, Instant.EPOCH);

        assertThat(failure.message()).doesNotContain(password).contains("db.internal:5432/app");
    }
}
