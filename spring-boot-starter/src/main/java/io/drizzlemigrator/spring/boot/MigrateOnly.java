package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.ExitCode;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Migrate-only mode ({@code drizzle.migrations.exit-after-migrate=true}): once the application has started (without a
 * web server, see {@link MigrateOnlyEnvironmentPostProcessor}) and so migrated, closes it through
 * {@link SpringApplication#exit} and ends the process with {@link ExitCode#OK}. A failed migration fails startup as
 * it always does, and {@link MigrateOnlyRunListener} ends the process with drizzle-migrator's exit code for it.
 */
class MigrateOnly implements ApplicationListener<ApplicationReadyEvent> {

    /** The property that turns the mode on. */
    static final String PROPERTY = DrizzleMigrationsProperties.PREFIX + ".exit-after-migrate";

    private static final Logger log = LoggerFactory.getLogger(MigrateOnly.class);

    private final IntConsumer exit;

    /** @param exit ends the process with a code ({@code System::exit}; the tests record it instead) */
    MigrateOnly(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        int code = SpringApplication.exit(event.getApplicationContext(), () -> ExitCode.OK.code());
        log.info("Migrate-only mode ({}=true): the migrations ran and the application is closed; exiting with {}",
                PROPERTY, code);
        exit.accept(code);
    }

    /** Whether the environment turns the mode on, read as Spring Boot binds the property (any relaxed form). */
    static boolean requested(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind(PROPERTY, Boolean.class).orElse(false);
    }

    /** The exit code of a failure once the application has started (a runner, a listener). */
    static ExitCodeExceptionMapper exceptionMapper() {
        return error -> ExitCode.of(error).code();
    }
}
