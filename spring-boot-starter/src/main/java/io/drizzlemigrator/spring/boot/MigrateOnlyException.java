package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ExitCode;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A drizzle-migrator failure that stopped a migrate-only start ({@code drizzle.migrations.exit-after-migrate=true}),
 * carrying drizzle-migrator's exit code for it ({@link ExitCode#of}): Spring Boot ends the process with that code when
 * the failed start leaves {@code main}. Its message and cause are the original failure's, which the failure analysis
 * describes.
 */
public class MigrateOnlyException extends RuntimeException implements ExitCodeGenerator {

    private final ExitCode exitCode;

    public MigrateOnlyException(DrizzleMigratorException cause) {
        super(cause.getMessage(), cause);
        this.exitCode = ExitCode.of(cause);
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }
}
