package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ExitCode;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In migrate-only mode, a start that drizzle-migrator failed (a migration, the lock, the folder, the connection, a
 * setting) ends the process with drizzle-migrator's exit code for it, after logging the failure analysis (which names
 * the file and line of a failed migration). Registered in {@code META-INF/spring.factories}.
 * <p>
 * Why not an exception implementing {@code ExitCodeGenerator}, Spring Boot's own idiom: Boot then publishes an
 * {@code ExitCodeEvent} to the context whose refresh just failed, and in an application with lazily created listener
 * beans (actuator's metrics, transaction management) that publication itself fails, so the code is never registered
 * and the process exits with 1 whatever the cause. Other failures are left to Spring Boot.
 */
class MigrateOnlyRunListener implements SpringApplicationRunListener {

    private static final Logger log = LoggerFactory.getLogger(MigrateOnlyRunListener.class);

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (context != null) {
            exitOnFailure(context.getEnvironment(), exception, System::exit);
        }
    }

    static void exitOnFailure(ConfigurableEnvironment environment, Throwable failure, IntConsumer exit) {
        if (!MigrateOnly.requested(environment) || !fromMigrator(failure)) {
            return;
        }
        FailureAnalysis analysis = new DrizzleMigrationsFailureAnalyzer().analyze(failure);
        if (analysis != null) {
            new LoggingFailureAnalysisReporter().report(analysis);
        }
        ExitCode code = ExitCode.of(failure);
        log.error("Migrate-only mode ({}=true): exiting with {} ({})", MigrateOnly.PROPERTY, code.code(), code.name());
        exit.accept(code.code());
    }

    private static boolean fromMigrator(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DrizzleMigratorException) {
                return true;
            }
        }
        return false;
    }
}
