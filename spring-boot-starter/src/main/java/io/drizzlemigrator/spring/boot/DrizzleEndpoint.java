package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.TenantsView;
import io.drizzlemigrator.health.MigrationHealthTracker;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code drizzle} actuator endpoint ({@code /actuator/drizzle} when exposed): core's {@link StatusView} of every
 * {@link DrizzleMigrator} bean, by bean name, in the document shape the Micronaut endpoint and the CLI's
 * {@code --json} share. Reads the bookkeeping table on each call, without taking the lock. Never shows a password, a
 * URL's credentials, SQL text or an error message that could quote SQL.
 */
@Endpoint(id = "drizzle")
public class DrizzleEndpoint {

    /** Problems name the property to change: {@code drizzle.migrations.out-of-order=apply}. */
    static final Problems.Spelling PROPERTIES = (setting, value) -> DrizzleMigrationsProperties.PREFIX + "."
            + setting.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT) + "="
            + value.name().toLowerCase(Locale.ROOT).replace('_', '-');

    private final ConfigurableApplicationContext context;

    public DrizzleEndpoint(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Every migrator bean's view, by bean name: {@code {"migrators": {name: view}}}; a migrator whose startup fanned
     * out over tenant schemas ({@code drizzle.migrations.tenants.*}) stands under {@code "tenants"} instead, with
     * every tenant's detail as startup found it.
     */
    @ReadOperation
    public Map<String, Object> migrators() {
        Map<String, StatusView> views = new LinkedHashMap<>();
        Map<String, TenantsView> tenants = new LinkedHashMap<>();
        Collection<DrizzleTenants> fanOuts = context.getBeansOfType(DrizzleTenants.class).values();
        context.getBeansOfType(DrizzleMigrator.class).forEach((name, migrator) -> {
            DrizzleTenants fanOut = fanOuts.stream().filter(t -> t.migrator() == migrator).findFirst().orElse(null);
            if (fanOut != null) {
                tenants.put(name, fanOut.view());
            } else {
                views.put(name, view(migrator));
            }
        });
        return StatusView.body(views, tenants);
    }

    /** One migrator's view, with what its tracker (when it has one) saw this process do. */
    StatusView view(DrizzleMigrator migrator) {
        MigratorConfiguration config = migrator.configuration();
        MigrationHealthTracker tracker = config.listeners().stream().filter(MigrationHealthTracker.class::isInstance)
                .map(MigrationHealthTracker.class::cast).findFirst().orElse(null);
        return StatusView.read(migrator, tracker == null ? null : tracker.activity(), target(config), PROPERTIES);
    }

    private String target(MigratorConfiguration config) {
        if (config.url().isPresent()) {
            return config.url().get();
        }
        return config.dataSource().map(d -> "DataSource " + MigrationTarget.beanName(context.getBeanFactory(), d))
                .orElse("DataSource");
    }
}
