package io.drizzlemigrator;

import io.drizzlemigrator.internal.fanout.FanOutRun;
import io.drizzlemigrator.internal.fanout.Shards;
import io.drizzlemigrator.internal.fanout.TenantFolderCheck;
import io.drizzlemigrator.internal.jdbc.Connections;
import io.drizzlemigrator.internal.jdbc.Identifiers;
import io.drizzlemigrator.internal.source.MigrationFolderReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Migrates many targets (tenant schemas, or databases) to the same folder: one migration run per target, each with
 * its own bookkeeping table and its own advisory lock, a few at a time.
 *
 * <pre>{@code
 * FanOutResult result = FanOut.configure(DrizzleMigrator.configure()
 *                 .dataSource(dataSource)
 *                 .location("classpath:drizzle/migrations")
 *                 .tenantSchemaFrom("public")
 *                 .build())
 *         .targets(FanOut.targetsFromQuery(directory, "select schema_name from tenants where active"))
 *         .parallelism(4)
 *         .run();
 * }</pre>
 *
 * <p>A schema target runs the base configuration with its bookkeeping table in the tenant's schema
 * ({@code <tenant>.__drizzle_migrations}, drizzle's {@code migrationsSchema}), {@code search_path} set to the tenant's
 * schema then {@code public}, and the lock derived from that table, so that two fan-out runners, or a fan-out and a
 * service replica, never migrate one tenant at once and never wait for each other on different tenants. A database
 * target runs the base configuration against that database (advisory locks belong to a database). Targets are
 * migrated once each; a failing target does not stop the others unless {@link Builder#failFast(boolean)}.
 */
public final class FanOut {

    /**
     * The logger of fan-out runs: one INFO line per finished target, a progress line every
     * {@link Builder#progressInterval(Duration)}, the summary. Each target's own run logs as a single run does.
     */
    public static final String LOGGER = FanOutRun.LOGGER;

    private FanOut() {
    }

    /** Starts a fan-out of {@code base}: the folder, the policies and, for schema targets, the database. */
    public static Builder configure(MigratorConfiguration base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * Targets from lines (of a file, a list): one URL or schema per line, blank lines and lines starting with
     * {@code #} left out.
     *
     * @param source what the lines come from, for messages ({@code targets.txt})
     * @throws ConfigurationException a line that is no target, naming source and line
     */
    public static List<FanOutTarget> targetsFromLines(List<String> lines, String source) {
        List<FanOutTarget> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                targets.add(FanOutTarget.parse(line));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(source + " line " + (i + 1) + ": " + e.getMessage()
                        + ". Nothing was run.", e);
            }
        }
        return targets;
    }

    /** Targets from a file of lines ({@link #targetsFromLines}), read as UTF-8. */
    public static List<FanOutTarget> targetsFromFile(Path file) {
        try {
            return targetsFromLines(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the targets file " + file + ": " + e + ". Nothing was run.",
                    e);
        } catch (UncheckedIOException e) {
            throw new ConfigurationException("Cannot read the targets file " + file + ": " + e.getCause()
                    + ". Nothing was run.", e);
        }
    }

    /**
     * Targets from a query against a directory database ({@code select schema_name from tenants where active}): the
     * first column of each row, a URL or a schema name.
     *
     * @throws ConfigurationException the query failed, returned no rows or a value that is no target: nothing runs
     */
    public static List<FanOutTarget> targetsFromQuery(MigratorConfiguration directory, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(directory);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null) {
                    values.add(v);
                }
            }
        } catch (SQLException e) {
            throw new ConfigurationException("The targets query failed: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]") + ". Query: " + sql
                    + ". Nothing was run.", e);
        }
        if (values.isEmpty()) {
            throw new ConfigurationException("The targets query returned no rows: " + sql + ". A fan-out over no"
                    + " target would report success while migrating nothing; check the query. Nothing was run.");
        }
        return targetsFromLines(values, "the targets query's row");
    }

    /** A connection to the configuration's database (the directory, or the database of the schema targets). */
    private static Connection connect(MigratorConfiguration config) {
        return Connections.open(config.dataSource().orElse(null), config.url().orElse(null),
                config.user().orElse(null), config.password());
    }

    /** Collects the targets and how to run them; {@link #run()} runs them. */
    public static final class Builder {

        private final MigratorConfiguration base;
        private final List<FanOutTarget> targets = new ArrayList<>();
        private final List<FanOutListener> listeners = new ArrayList<>();
        private int parallelism = MigratorDefaults.FAN_OUT_PARALLELISM;
        private boolean failFast;
        private FanOutTarget canary;
        private boolean createSchemas;
        private int shardIndex;
        private int shardCount = 1;
        private Duration progressInterval = MigratorDefaults.FAN_OUT_PROGRESS_INTERVAL;

        private Builder(MigratorConfiguration base) {
            this.base = base;
        }

        /** Adds targets; one given twice is reported in {@link FanOutResult#duplicates()} and run once. */
        public Builder targets(Collection<FanOutTarget> targets) {
            for (FanOutTarget t : targets) {
                this.targets.add(Objects.requireNonNull(t, "target"));
            }
            return this;
        }

        /** How many targets migrate at once (default 4). */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** Stop starting targets once one failed (default false: every target is tried). */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /** Migrate this target alone first; when it fails, no other target is started. Null for none. */
        public Builder canary(FanOutTarget canary) {
            this.canary = canary;
            return this;
        }

        /**
         * Create a tenant schema that does not exist (default false: it is reported as failed, since its migrations
         * would otherwise land in the next schema on the search path).
         */
        public Builder createSchemas(boolean createSchemas) {
            this.createSchemas = createSchemas;
            return this;
        }

        /**
         * Take only share {@code index} of {@code count} ({@code 0 <= index < count}, as Kubernetes'
         * {@code JOB_COMPLETION_INDEX} counts): the shares of 0..count-1 are disjoint and cover all targets, and a
         * target's share depends on its name only. The canary, if any, is run by every share first.
         */
        public Builder shard(int index, int count) {
            this.shardIndex = index;
            this.shardCount = count;
            return this;
        }

        /** How often progress is logged (default 10 s). */
        public Builder progressInterval(Duration progressInterval) {
            this.progressInterval = Objects.requireNonNull(progressInterval, "progressInterval");
            return this;
        }

        public Builder listener(FanOutListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Checks the settings and the folder, then migrates every target of this share.
         *
         * @throws ConfigurationException bad settings, or a folder that cannot be applied to tenant schemas as
         *         configured (nothing ran)
         * @throws MigrationSourceException the folder cannot be used (nothing ran)
         * @throws DatabaseConnectionException the database of the schema targets cannot be reached (nothing ran)
         */
        public FanOutResult run() {
            return run(false);
        }

        /**
         * Reads every target's state without the lock and without applying anything (as
         * {@link DrizzleMigrator#status()} does): each target is {@link TargetOutcome#CURRENT}, or
         * {@link TargetOutcome#BEHIND} when migrations are pending or out of order, or failed when it cannot be read.
         * The canary, if any, is only read too. What a health check of many tenants reports.
         */
        public FanOutResult status() {
            return run(true);
        }

        /**
         * What a schema-per-tenant service does at startup: with {@link TenantStartup#ALL} {@link #run()}; with
         * {@link TenantStartup#CANARY} migrates the canary alone and then reads every other target's state
         * ({@link #status()}), leaving them to a Job. A failed target does not fail startup (health reports it); a
         * failed canary does.
         *
         * @return every target, the canary first
         * @throws ConfigurationException {@code CANARY} without a canary (nothing ran)
         * @throws DrizzleMigratorException the canary did not migrate: no other target was migrated
         */
        public FanOutResult startup(TenantStartup mode) {
            if (mode == TenantStartup.ALL) {
                FanOutResult result = run();
                if (canary != null && !result.targets().get(0).isCurrent()) {
                    throw canaryFailed(result.targets().get(0));
                }
                return result;
            }
            if (canary == null) {
                throw new ConfigurationException("startup=canary needs a canary: the tenant to migrate at startup"
                        + " (the others are left to a Job). Nothing was run.");
            }
            long start = System.nanoTime();
            FanOutResult migrated = run(List.of(canary), null, false);
            TargetResult c = migrated.targets().get(0);
            if (!c.isCurrent()) {
                throw canaryFailed(c);
            }
            List<FanOutTarget> others = new ArrayList<>(targets);
            others.removeIf(canary::equals);
            List<TargetResult> all = new ArrayList<>(List.of(c));
            List<FanOutTarget> duplicates = List.of();
            if (!others.isEmpty()) {
                FanOutResult rest = run(others, null, true);
                all.addAll(rest.targets());
                duplicates = rest.duplicates();
            }
            return new FanOutResult(all, duplicates, migrated.shard(), Duration.ofNanos(System.nanoTime() - start));
        }

        private static DrizzleMigratorException canaryFailed(TargetResult canary) {
            return new DrizzleMigratorException("The tenant canary " + canary.target() + " did not migrate ("
                    + canary.outcome().tagValue() + canary.failedAt().map(at -> " at " + at).orElse("")
                    + "); no other tenant was migrated: " + canary.error().orElse(""), null);
        }

        private FanOutResult run(boolean statusOnly) {
            return run(targets, canary, statusOnly);
        }

        private FanOutResult run(List<FanOutTarget> targets, FanOutTarget canary, boolean statusOnly) {
            long start = System.nanoTime();
            if (parallelism < 1) {
                throw new ConfigurationException("parallelism must be at least 1, was " + parallelism);
            }
            if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
                throw new ConfigurationException("shard " + shardIndex + "/" + shardCount + " is not a share: the"
                        + " index counts from 0 (as JOB_COMPLETION_INDEX does) and is below the count");
            }
            Set<FanOutTarget> distinct = new LinkedHashSet<>();
            Set<FanOutTarget> duplicates = new LinkedHashSet<>();
            for (FanOutTarget t : targets) {
                if (!distinct.add(t)) {
                    duplicates.add(t);
                }
            }
            if (canary != null) {
                distinct.remove(canary);
            }
            List<FanOutTarget> share = new ArrayList<>();
            for (FanOutTarget t : distinct) {
                if (Shards.of(t.name(), shardCount) == shardIndex) {
                    share.add(t);
                }
            }
            Set<String> existing = checkSchemaTargets(share, canary);
            FanOutRun run = new FanOutRun(share, canary, parallelism, failFast, progressInterval, listeners,
                    statusOnly ? t -> read(migrator(t, existing).status())
                            : t -> FanOutRun.Done.of(migrator(t, existing).migrate()));
            List<TargetResult> results = run.run();
            return new FanOutResult(results, List.copyOf(duplicates), shardIndex + "/" + shardCount,
                    Duration.ofNanos(System.nanoTime() - start));
        }

        private static FanOutRun.Done read(StatusReport status) {
            boolean behind = !status.withState(MigrationState.PENDING).isEmpty()
                    || !status.withState(MigrationState.OUT_OF_ORDER).isEmpty();
            return new FanOutRun.Done(behind ? TargetOutcome.BEHIND : TargetOutcome.CURRENT, 0);
        }

        /** Checks what schema targets need, and returns the schemas of the targets that exist. */
        private Set<String> checkSchemaTargets(List<FanOutTarget> share, FanOutTarget canary) {
            List<String> schemas = new ArrayList<>();
            boolean databases = false;
            for (FanOutTarget t : all(share, canary)) {
                if (t.kind() == FanOutTarget.Kind.SCHEMA) {
                    schemas.add(t.name());
                } else {
                    databases = true;
                }
            }
            if (databases && base.tenantSchemaFrom().isPresent()) {
                throw new ConfigurationException("tenantSchemaFrom maps schema qualifiers to a tenant's schema, and"
                        + " applies to schema targets only; database targets keep the folder's schemas. Nothing was"
                        + " run.", Setting.TENANT_SCHEMA_FROM, null);
            }
            if (schemas.isEmpty()) {
                return Set.of();
            }
            if (base.lockKey().isPresent()) {
                throw new ConfigurationException("lockKey cannot be used with schema targets: each tenant's lock is"
                        + " derived from its own bookkeeping table, so that tenants never wait for each other. Remove"
                        + " lockKey. Nothing was run.");
            }
            TenantFolderCheck.check(MigrationFolderReader.read(base.location(), base.classLoader()),
                    base.tenantSchemaFrom().orElse(null));
            return existingSchemas(schemas);
        }

        private static List<FanOutTarget> all(List<FanOutTarget> share, FanOutTarget canary) {
            List<FanOutTarget> all = new ArrayList<>(share);
            if (canary != null) {
                all.add(canary);
            }
            return all;
        }

        private Set<String> existingSchemas(List<String> schemas) {
            try (Connection c = connect(base);
                    PreparedStatement ps = c.prepareStatement("select nspname from pg_namespace where nspname ="
                            + " any (?)")) {
                Array names = c.createArrayOf("text", schemas.toArray());
                ps.setArray(1, names);
                Set<String> found = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new DatabaseConnectionException("Cannot list the tenant schemas: " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]")
                        + ". Nothing was run.", e);
            }
        }

        /** The migrator of one target: the base configuration, pointed at the target. */
        private DrizzleMigrator migrator(FanOutTarget target, Set<String> existing) {
            MigratorConfiguration.Builder b = base.toBuilder();
            if (target.kind() == FanOutTarget.Kind.SCHEMA) {
                if (!createSchemas && !existing.contains(target.name())) {
                    throw new ConfigurationException("Schema " + Identifiers.quoteIfNeeded(target.name()) + " does"
                            + " not exist. It is not created silently: a tenant that is missing is usually a typo or a"
                            + " tenant not provisioned yet, and its migrations would land in the next schema on the"
                            + " search_path. Create it, or set createSchemas to create missing tenant schemas. Nothing"
                            + " was applied to it.", null, null);
                }
                b.schema(target.name()).searchPath(Identifiers.quote(target.name()) + ", public");
            } else {
                b.dataSource((DataSource) null).dataSource(target.name(),
                        target.user() != null ? target.user() : base.user().orElse(null),
                        target.user() != null ? target.password() : base.password());
            }
            return b.load();
        }
    }
}
