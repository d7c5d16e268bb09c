package io.drizzlemigrator.micronaut;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutListener;
import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationListener;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.ProcessActivity;
import io.drizzlemigrator.Setting;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.StatusView;
import io.drizzlemigrator.TenantStartup;
import io.drizzlemigrator.TenantsView;
import io.drizzlemigrator.health.MigrationHealth;
import io.drizzlemigrator.health.MigrationHealthTracker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations of every datasource configured under {@code drizzle.migrations.datasources.<name>}: run them on
 * demand (for example when startup migration is turned off with {@code enabled=false}) or read their state.
 *
 * <pre>{@code
 * @Inject DrizzleMigrations migrations;
 * MigrateResult result = migrations.migrate("default");
 * }</pre>
 *
 * Every successful run, at startup or through {@link #migrate(String)}, publishes a {@link MigrationFinishedEvent}.
 * Named {@link MigrationListener} beans ({@code @Named("<datasource>")}) receive the events of that datasource's runs,
 * and named {@link DrizzleConfigurationCustomizer} beans adjust its configuration. With {@code async=true} the
 * startup run happens in the background: {@link #awaitStartupRun(String)} waits for it.
 */
@Singleton
public class DrizzleMigrations {

    private static final Logger log = LoggerFactory.getLogger(DrizzleMigrations.class);

    private final ApplicationContext context;
    private final ApplicationEventPublisher<MigrationFinishedEvent> publisher;
    private final DataSourceResolver dataSourceResolver;
    private final Map<String, MigrationTarget> targets = new ConcurrentHashMap<>();

    DrizzleMigrations(ApplicationContext context, ApplicationEventPublisher<MigrationFinishedEvent> publisher,
            @Nullable DataSourceResolver dataSourceResolver) {
        this.context = context;
        this.publisher = publisher;
        this.dataSourceResolver = dataSourceResolver == null ? DataSourceResolver.DEFAULT : dataSourceResolver;
    }

    /** The configured datasource names, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (DrizzleMigrationsConfiguration c : context.getBeansOfType(DrizzleMigrationsConfiguration.class)) {
            names.add(c.getName());
        }
        return Collections.unmodifiableSet(names);
    }

    /** The settings of one datasource, if it is configured. */
    public Optional<DrizzleMigrationsConfiguration> configuration(String datasourceName) {
        return context.findBean(DrizzleMigrationsConfiguration.class, Qualifiers.byName(datasourceName));
    }

    /**
     * Applies the pending migrations of one datasource now, whether or not startup migration is enabled for it, and
     * publishes a {@link MigrationFinishedEvent}.
     *
     * @throws ConfigurationException the name is not configured, or its settings are invalid
     * @throws io.drizzlemigrator.DrizzleMigratorException what {@link DrizzleMigrator#migrate()} throws
     */
    public MigrateResult migrate(String datasourceName) {
        return run(target(datasourceName));
    }

    /**
     * Reads the state of one datasource's migrations without changing anything or taking the lock.
     *
     * @throws ConfigurationException the name is not configured, or its settings are invalid
     * @throws io.drizzlemigrator.DrizzleMigratorException what {@link DrizzleMigrator#status()} throws
     */
    public StatusReport status(String datasourceName) {
        return migrator(target(datasourceName)).status();
    }

    /**
     * The migration health of one datasource as last seen (by a run or a status check), for readiness: ready only
     * when nothing is pending. It does not query the database; {@link #status(String)} refreshes it.
     *
     * @throws ConfigurationException the name is not configured
     */
    public MigrationHealth health(String datasourceName) {
        return target(datasourceName).health.current();
    }

    /**
     * The startup run of one datasource, for the beans that need its schema when {@code async=true} hands the
     * DataSource out before it is current: completes with the run's result, or exceptionally with its failure (a
     * {@link DrizzleMigratorException}). Without {@code async} it is complete once the DataSource exists. Asking for
     * it starts the run if nothing has yet (the DataSource not created so far). With {@code enabled=false} nothing
     * runs at startup, and it fails at once with a {@link ConfigurationException} saying so.
     *
     * @throws ConfigurationException the name is not configured
     */
    public CompletableFuture<MigrateResult> startupRun(String datasourceName) {
        MigrationTarget target = target(datasourceName);
        if (!target.config.isEnabled()) {
            return CompletableFuture.failedFuture(new ConfigurationException("Datasource '" + datasourceName
                    + "' is not migrated at startup (" + target.config.getPropertyPrefix() + ".enabled is false):"
                    + " call migrate(\"" + datasourceName + "\") instead"));
        }
        startUp(target);
        return target.startupRun.copy();
    }

    /**
     * Waits for {@link #startupRun(String)} and returns its result, so that a bean can wait for the schema an
     * {@code async} migration is bringing up to date.
     *
     * @throws DrizzleMigratorException the run's failure, as {@link DrizzleMigrator#migrate()} threw it
     * @throws ConfigurationException the name is not configured, or not migrated at startup ({@code enabled=false})
     */
    public MigrateResult awaitStartupRun(String datasourceName) {
        try {
            return startupRun(datasourceName).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Called when the DataSource bean named {@code name} has been created, before anyone receives it. */
    void dataSourceCreated(String name, DataSource dataSource) {
        if (configuration(name).isEmpty()) {
            return;
        }
        MigrationTarget target = target(name);
        target.attach(dataSourceResolver.resolve(dataSource));
        if (target.config.isEnabled()) {
            migrateAtStartup(target);
        }
    }

    /**
     * Called once the application has started: migrates the enabled configurations that no DataSource creation has
     * migrated (those with a dedicated URL, and DataSources nobody asked for yet), and reads the state of the
     * disabled ones so that health and meters know whether their schema is current.
     */
    void applicationStarted() {
        for (String name : names()) {
            MigrationTarget target = target(name);
            if (target.config.isEnabled()) {
                startUp(target);
            } else {
                checkStatus(target);
            }
        }
    }

    /** Starts the startup run of an enabled target unless it was started (creating its DataSource starts it). */
    private void startUp(MigrationTarget target) {
        if (!target.startupStarted()) {
            if (!target.config.hasDedicatedUrl()) {
                // creating it runs dataSourceCreated, which migrates
                dataSource(target);
            }
            migrateAtStartup(target);
        }
    }

    /** Reads the state without failing startup: migrations are off here, the database is someone else's concern. */
    private void checkStatus(MigrationTarget target) {
        try {
            if (target.hasTenants()) {
                readTenants(target);
                return;
            }
            migrator(target).status();
        } catch (DrizzleMigratorException e) {
            log.warn("Cannot read the migration state of datasource '{}' (startup migration is disabled): {}",
                    target.name(), e.getMessage());
        }
    }

    /**
     * The tenants of a schema-per-tenant datasource ({@code tenants.*}) as startup found them, per tenant; empty for a
     * datasource without tenants.
     *
     * @throws ConfigurationException the name is not configured
     */
    public Optional<TenantsView> tenants(String datasourceName) {
        MigrationTarget target = target(datasourceName);
        return target.hasTenants() ? Optional.of(target.tenants) : Optional.empty();
    }

    /**
     * Core's view of one datasource's migrations (read now, without the lock), with what this process applied; an
     * error becomes the view's {@code error}. Problems name this datasource's properties.
     */
    StatusView view(String datasourceName) {
        MigrationTarget target = target(datasourceName);
        DrizzleMigrationsConfiguration c = target.config;
        ProcessActivity activity = target.health.activity();
        DrizzleMigrator migrator;
        try {
            migrator = migrator(target);
        } catch (DrizzleMigratorException e) {
            return StatusView.unreadable(c.getLocation(), c.getSchema() + "." + c.getTable(), e, activity);
        }
        Problems.Spelling properties = (setting, value) -> c.property(setting) + "="
                + value.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return StatusView.read(migrator, activity,
                migrator.configuration().url().orElse("DataSource " + datasourceName), properties);
    }

    private void migrateAtStartup(MigrationTarget target) {
        synchronized (target.startupLock) {
            if (!target.startStartup()) {
                return;
            }
            if (target.config.isAsync()) {
                log.info("Migrating datasource '{}' from {} in the background ({} is true)", target.name(),
                        target.config.getLocation(), target.config.getPropertyPrefix() + ".async");
                executor().execute(new BackgroundRun(target));
                return;
            }
            log.info("Migrating datasource '{}' from {}", target.name(), target.config.getLocation());
            try {
                target.startupRun.complete(startupMigration(target));
            } catch (RuntimeException | Error e) {
                target.startupRun.completeExceptionally(e);
                throw e;
            }
        }
    }

    /** Micronaut's executor for blocking work (as micronaut-flyway's {@code async}), else a thread of our own. */
    private Executor executor() {
        Optional<ExecutorService> blocking = context.findBean(ExecutorService.class,
                Qualifiers.byName(TaskExecutors.BLOCKING));
        if (blocking.isPresent()) {
            return blocking.get();
        }
        return command -> {
            Thread thread = new Thread(command, "drizzle-migrations");
            thread.start();
        };
    }

    /**
     * An {@code async} startup run. Its failure ends no startup: it is logged here (nobody else may be waiting),
     * shown by health as {@code FAILED}, and given to those who wait in {@link #awaitStartupRun(String)}.
     */
    private final class BackgroundRun implements Runnable {

        private final MigrationTarget target;

        BackgroundRun(MigrationTarget target) {
            this.target = target;
        }

        @Override
        public void run() {
            try {
                target.startupRun.complete(startupMigration(target));
            } catch (RuntimeException | Error e) {
                target.startupRun.completeExceptionally(e);
                log.error("The background migration of datasource '{}' failed; its readiness stays DOWN: {}",
                        target.name(), e.getMessage(), e);
            }
        }
    }

    /**
     * The startup run: the migration, or for a schema-per-tenant datasource ({@code tenants.*}) the fan-out over its
     * tenants as core's {@link FanOut.Builder#startup(TenantStartup)} decides (no {@link MigrateResult} then: null).
     */
    private MigrateResult startupMigration(MigrationTarget target) {
        if (!target.hasTenants()) {
            return run(target);
        }
        DrizzleMigrationsConfiguration.Tenants t = target.config.getTenants();
        FanOut.Builder fanOut = tenants(target).parallelism(t.getParallelism()).failFast(t.isFailFast())
                .createSchemas(t.isCreateSchemas())
                .canary(t.getCanary() == null || t.getCanary().isBlank() ? null : FanOutTarget.parse(t.getCanary()));
        target.tenants = TenantsView.of(t.getStartup(), tenantsProperty(target, () -> fanOut.startup(t.getStartup())));
        return null;
    }

    /** The tenants of a datasource whose startup migration is off: read (no lock, no change), for health. */
    private void readTenants(MigrationTarget target) {
        TenantStartup startup = target.config.getTenants().getStartup();
        target.tenants = TenantsView.of(startup, tenantsProperty(target, () -> tenants(target).status()));
    }

    /** A fan-out over the datasource's tenants, with its settings, listeners ({@code @Named} FanOutListener beans). */
    private FanOut.Builder tenants(MigrationTarget target) {
        DrizzleMigrationsConfiguration.Tenants t = target.config.getTenants();
        MigratorConfiguration base = migrator(target).configuration();
        String prefix = target.config.getPropertyPrefix() + "." + DrizzleMigrationsConfiguration.Tenants.PREFIX;
        List<FanOutTarget> targets = new ArrayList<>(FanOut.targetsFromLines(t.getSchemas(), prefix + ".schemas"));
        if (t.getQuery() != null && !t.getQuery().isBlank()) {
            targets.addAll(FanOut.targetsFromQuery(base, t.getQuery()));
        }
        FanOut.Builder fanOut = FanOut.configure(base).targets(targets);
        context.getBeansOfType(FanOutListener.class, Qualifiers.byName(target.name())).forEach(fanOut::listener);
        return fanOut;
    }

    /** Runs {@code fanOut}, a core refusal of the tenant settings naming this datasource's properties. */
    private static FanOutResult tenantsProperty(MigrationTarget target, Supplier<FanOutResult> fanOut) {
        try {
            return fanOut.get();
        } catch (ConfigurationException e) {
            throw new ConfigurationException(target.config.getPropertyPrefix() + "."
                    + DrizzleMigrationsConfiguration.Tenants.PREFIX + ": " + e.getMessage(), e);
        }
    }

    private MigrateResult run(MigrationTarget target) {
        MigrateResult result = migrator(target).migrate();
        publisher.publishEvent(new MigrationFinishedEvent(target.name(), result));
        return result;
    }

    MigrationTarget target(String name) {
        MigrationTarget existing = targets.get(name);
        if (existing != null) {
            return existing;
        }
        DrizzleMigrationsConfiguration config = configuration(name).orElseThrow(() -> new ConfigurationException(
                "No migrations are configured for datasource '" + name + "': set "
                        + DrizzleMigrationsConfiguration.PREFIX + "." + name + ".enabled (configured: " + names()
                        + ")"));
        MigrationHealthTracker health = new MigrationHealthTracker(config.isEnabled());
        List<MigrationListener> listeners = new ArrayList<>();
        listeners.add(health);
        // the meters (DrizzleMetricsFactory) and the application's own listeners for this datasource
        listeners.addAll(context.getBeansOfType(MigrationListener.class, Qualifiers.byName(name)));
        MigrationTarget created = new MigrationTarget(config, health, listeners);
        MigrationTarget raced = targets.putIfAbsent(name, created);
        return raced == null ? created : raced;
    }

    /** The migrator of one datasource, built from its settings (validated) on first use. */
    DrizzleMigrator migrator(String datasourceName) {
        return migrator(target(datasourceName));
    }

    private DrizzleMigrator migrator(MigrationTarget target) {
        if (!target.config.hasDedicatedUrl() && target.dataSource() == null) {
            target.attach(dataSource(target));
        }
        return target.migrator(dataSource -> build(target, dataSource));
    }

    /** The DataSource bean of the target's name (created now if need be). */
    private DataSource dataSource(MigrationTarget target) {
        String name = target.name();
        Optional<DataSource> bean = context.findBean(DataSource.class, Qualifiers.byName(name));
        if (bean.isEmpty()) {
            throw new ConfigurationException(target.config.getPropertyPrefix() + ": there is no DataSource named '"
                    + name + "'. Define one (datasources." + name + ".url) or give the migrations their own database"
                    + " with " + target.config.getPropertyPrefix() + ".url");
        }
        return dataSourceResolver.resolve(bean.get());
    }

    private DrizzleMigrator build(MigrationTarget target, DataSource dataSource) {
        DrizzleMigrationsConfiguration c = target.config;
        String prefix = c.getPropertyPrefix();
        MigratorConfiguration.Builder b = DrizzleMigrator.configure();
        if (c.hasDedicatedUrl()) {
            b.dataSource(c.getUrl(), c.getUser(), c.password());
        } else if (c.getUser() != null || c.hasPassword()) {
            throw new ConfigurationException(prefix + ".user and " + prefix + ".password are only used with "
                    + prefix + ".url: set the url too, or remove them to migrate through the DataSource '"
                    + c.getName() + "'");
        } else {
            b.dataSource(dataSource);
        }
        b.location(c.getLocation())
                .classLoader(context.getClassLoader())
                .schema(c.getSchema())
                .table(c.getTable())
                .lockTimeout(c.getLockTimeout())
                .outOfOrder(c.getOutOfOrder())
                .editedMigrations(c.getEditedMigrations())
                .transactionMode(c.getTransactionMode())
                .ddlLockTimeout(c.getDdlLockTimeout())
                .ddlLockRetries(c.getDdlLockRetries())
                .repairInvalidIndexes(c.isRepairInvalidIndexes())
                .verifyAfterMigrate(c.isVerifyAfterMigrate())
                .largeTableRows(c.getLargeTableRows())
                .lintMode(c.getLintMode())
                .terminateBlockers(c.isTerminateBlockers())
                .progressInterval(c.getProgressInterval())
                .searchPath(c.getSearchPath())
                .initSql(c.getInitSql())
                .tenantSchemaFrom(c.getTenantSchemaFrom());
        if (c.getLockKey() != null) {
            b.lockKey(c.getLockKey());
        }
        requireSet(c, Setting.LOCK_TIMEOUT, c.getLockTimeout());
        requireSet(c, Setting.OUT_OF_ORDER, c.getOutOfOrder());
        requireSet(c, Setting.EDITED_MIGRATIONS, c.getEditedMigrations());
        requireSet(c, Setting.TRANSACTION_MODE, c.getTransactionMode());
        requireSet(c, Setting.DDL_LOCK_TIMEOUT, c.getDdlLockTimeout());
        requireSet(c, Setting.PROGRESS_INTERVAL, c.getProgressInterval());
        target.listeners.forEach(b::listener);
        // last, so that the application's own adjustments win over the properties
        List<DrizzleConfigurationCustomizer> customizers = new ArrayList<>(context.getBeansOfType(
                DrizzleConfigurationCustomizer.class, Qualifiers.byName(c.getName())));
        OrderUtil.sort(customizers);
        for (DrizzleConfigurationCustomizer customizer : customizers) {
            customizer.customize(b);
        }
        try {
            return b.load();
        } catch (ConfigurationException e) {
            throw new ConfigurationException(prefix + ": " + e.getMessage(), e);
        }
    }

    private static void requireSet(DrizzleMigrationsConfiguration c, Setting setting, Object value) {
        if (value == null) {
            throw new ConfigurationException(c.property(setting.builderName())
                    + " is empty: remove it to use the default");
        }
    }

    @Override
    public String toString() {
        return "DrizzleMigrations" + names();
    }
}
