package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.ExitCode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrate-only mode, for an init container or a Job running the service's own image:
 * {@code drizzle.migrations.exit-after-migrate=true} (a property of the whole module, like
 * {@code drizzle.migrations.enabled}; as an environment variable {@code DRIZZLE_MIGRATIONS_EXIT_AFTER_MIGRATE=true}).
 * The application's {@code main} asks whether it is on and, if so, runs the application context without its
 * embedded server: the configured datasources are migrated as at every start, then the context closes and the process
 * exits with drizzle-migrator's {@link ExitCode}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     if (MigrateOnly.requested(args)) {
 *         System.exit(MigrateOnly.run(() -> Micronaut.build(args).mainClass(Application.class)));
 *     }
 *     Micronaut.run(Application.class, args);
 * }
 * }</pre>
 */
public final class MigrateOnly {

    /** The property that turns the mode on. */
    public static final String PROPERTY = "drizzle.migrations.exit-after-migrate";

    private static final Logger log = LoggerFactory.getLogger(MigrateOnly.class);

    private MigrateOnly() {
    }

    /**
     * Whether {@value #PROPERTY} is true where Micronaut reads properties: the command line
     * ({@code --drizzle.migrations.exit-after-migrate=true}), system properties, environment variables and the
     * application's configuration files.
     */
    public static boolean requested(String... args) {
        Environment environment = ApplicationContext.builder().args(args).build().getEnvironment();
        environment.start();
        try {
            return environment.getProperty(PROPERTY, Boolean.class).orElse(false);
        } finally {
            environment.stop();
        }
    }

    /**
     * Starts the context {@code application} builds, without its embedded server (an HTTP server is never started,
     * so no port is opened), which migrates every configured datasource; closes it and returns the exit code: 0 when
     * the migrations ran, else {@link ExitCode#of} the failure, which is logged (a failed migration's message names
     * its file and line).
     *
     * @param application builds the application's context; called inside, so that its own failures get a code too
     */
    public static int run(Supplier<? extends ApplicationContextBuilder> application) {
        try (ApplicationContext context = application.get().build()) {
            context.start();
            log.info("Migrate-only mode ({}=true): the migrations ran; closing the application, exiting with {}",
                    PROPERTY, ExitCode.OK.code());
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            ExitCode code = ExitCode.of(e);
            log.error("Migrate-only mode ({}=true): exiting with {} ({}): {}", PROPERTY, code.code(), code.name(),
                    reason(e), e);
            return code.code();
        }
    }

    /** The drizzle-migrator failure's own message, rather than the framework's wrapping of it. */
    private static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DrizzleMigratorException) {
                return t.getMessage();
            }
        }
        return error.getMessage();
    }
}
