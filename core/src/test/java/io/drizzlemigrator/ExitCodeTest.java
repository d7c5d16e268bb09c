package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void eachCodeHasItsOwnNumberFromZeroToFive() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void mapsEachKindOfFailureToItsCode() {
        assertThat(ExitCode.of(new ConfigurationException("bad"))).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new DatabaseConnectionException("down", null))).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new MigrationSourceException("meta/_journal.json", 1, "bad json")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new ValidationException("out of order", null))).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(ExitCode.of(new LockTimeoutException("held", Duration.ofSeconds(1), "pid 1")))
                .isEqualTo(ExitCode.LOCK_TIMEOUT);
        assertThat(ExitCode.of(new IllegalStateException("unexpected"))).isEqualTo(ExitCode.MIGRATION_FAILED);
    }

    @Test
    void findsTheMigratorExceptionAFrameworkWrappedItsStartupFailureAround() {
        RuntimeException startupFailure = new RuntimeException("Error creating bean 'drizzleMigrationsInitializer'",
                new IllegalStateException("init", new LockTimeoutException("held", Duration.ofSeconds(1), "pid 1")));

        assertThat(ExitCode.of(startupFailure)).isEqualTo(ExitCode.LOCK_TIMEOUT);
    }
}
