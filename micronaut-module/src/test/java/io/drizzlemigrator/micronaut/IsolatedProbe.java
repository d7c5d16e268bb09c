package io.drizzlemigrator.micronaut;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * Runs an application context inside {@link OptionalDependenciesTest}'s class loader, which lacks
 * micronaut-management and Micrometer. It names none of their types, so it loads there.
 */
public final class IsolatedProbe {

    private IsolatedProbe() {
    }

    /** Starts a context with {@code properties}; returns how many migrations the default datasource has applied. */
    public static int appliedMigrations(Map<String, Object> properties) {
        try (ApplicationContext ctx = ApplicationContext.run(properties)) {
            return ctx.getBean(DrizzleMigrations.class).status("default").applied().size();
        }
    }
}
