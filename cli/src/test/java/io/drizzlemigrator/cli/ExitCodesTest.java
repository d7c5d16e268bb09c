package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.ExitCode;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void theCommandLineCodesAreCoresTable() {
        assertThat(ExitCodes.OK).isEqualTo(ExitCode.OK.code());
        assertThat(ExitCodes.MIGRATION_FAILED).isEqualTo(ExitCode.MIGRATION_FAILED.code());
        assertThat(ExitCodes.USAGE).isEqualTo(ExitCode.USAGE.code());
        assertThat(ExitCodes.PROBLEMS_FOUND).isEqualTo(ExitCode.PROBLEMS_FOUND.code());
        assertThat(ExitCodes.LOCK_TIMEOUT).isEqualTo(ExitCode.LOCK_TIMEOUT.code());
        assertThat(ExitCodes.LINT_ERRORS).isEqualTo(ExitCode.LINT_ERRORS.code());
    }
}
