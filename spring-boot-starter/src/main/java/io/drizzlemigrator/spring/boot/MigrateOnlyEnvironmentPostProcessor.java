package io.drizzlemigrator.spring.boot;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In migrate-only mode ({@code drizzle.migrations.exit-after-migrate=true}) the application starts without a web
 * server: sets {@code spring.main.web-application-type=none} above every other property source, before
 * {@link SpringApplication} reads it. Runs after the application's configuration files are loaded, so the property
 * may come from them, the command line or the environment ({@code DRIZZLE_MIGRATIONS_EXIT_AFTER_MIGRATE=true}).
 * Registered in {@code META-INF/spring.factories}.
 */
class MigrateOnlyEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The property source this adds, named so that it is recognisable in the environment. */
    static final String PROPERTY_SOURCE = "drizzleMigrateOnly";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (MigrateOnly.requested(environment)) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                    Map.of("spring.main.web-application-type", "none")));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
