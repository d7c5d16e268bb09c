package io.drizzlemigrator.cli;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.MigratorDefaults;
import io.drizzlemigrator.OutOfOrderPolicy;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options every database command takes (migrate, status, validate: the connection, the folder, the policies that
 * weigh problems, the output), and how they become a {@link MigratorConfiguration}; migrate adds
 * {@link MigrateOptions}. Their defaults come from {@link CliDefaults}, which takes them from {@link MigratorDefaults}.
 */
final class CommonOptions {

    /** Where {@code --url} comes from when it is not given. */
    static final String ENV_URL = "DATABASE_URL";
    /** Where {@code --password} comes from when neither it nor the URL gives one (as for psql). */
    static final String ENV_PASSWORD = "PGPASSWORD";
    /** The folder drizzle-kit writes to in the organisation's {@code drizzle.config.ts}. */
    static final String DEFAULT_DIR = "drizzle/migrations";

    @Option(names = "--url", paramLabel = "<url>",
            description = {"Database: jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db "
                    + "(postgres:// too).", "Default: the " + ENV_URL + " environment variable."})
    String url;

    @Option(names = "--user", paramLabel = "<user>", description = "Database user (overrides the URL's).")
    String user;

    @Option(names = "--password", paramLabel = "<password>",
            description = "Database password (overrides the URL's). Prefer the " + ENV_PASSWORD
                    + " environment variable, used when neither this option nor the URL gives one: command lines "
                    + "are visible to other users of the machine.")
    String password;

    @Option(names = {"--dir", "--location"}, paramLabel = "<dir>",
            description = {"The drizzle migrations folder (holding meta/_journal.json): a path, or classpath:<path> "
                    + "to read it from the class path.", "Default: ${DEFAULT-VALUE}."})
    String dir;

    @Option(names = "--schema", paramLabel = "<schema>",
            description = "Schema of the bookkeeping table (drizzle's migrationsSchema). Default: ${DEFAULT-VALUE}.")
    String schema;

    @Option(names = "--table", paramLabel = "<table>",
            description = "Bookkeeping table (drizzle's migrationsTable). Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--out-of-order", paramLabel = "fail|apply|ignore",
            description = {"What to do with a migration older than the newest applied one (merged late): fail, "
                    + "apply it, or ignore it as drizzle does.", "Default: ${DEFAULT-VALUE}."})
    OutOfOrderPolicy outOfOrder;

    @Option(names = {"--edited", "--edited-migrations"}, paramLabel = "warn|fail|ignore",
            description = {"What to do with an applied migration whose file changed since: warn, fail, or ignore.",
                    "Default: ${DEFAULT-VALUE}."})
    EditedMigrationPolicy edited;

    @Option(names = "--search-path", paramLabel = "<schemas>",
            description = "search_path for the migration session, for example app,public.")
    String searchPath;

    @Option(names = "--init-sql", paramLabel = "<sql>",
            description = "SQL run first on the migration session, for example \"SET ROLE ddl_owner\".")
    String initSql;

    @Option(names = "--json", description = "Print a JSON document on stdout (and nothing else there).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print no summary and log only warnings and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log DEBUG details and print stack traces of errors.")
    boolean verbose;

    /**
     * The migrator these options describe. The password is taken from {@code --password}, else from the URL, else
     * from {@code PGPASSWORD}.
     *
     * @param command what the command's own options add
     *
     * @throws ConfigurationException no URL, or a setting the core refuses
     */
    DrizzleMigrator migrator(Map<String, String> env, Consumer<MigratorConfiguration.Builder> command) {
        String effectiveUrl = url != null ? url : env.get(ENV_URL);
        if (effectiveUrl == null || effectiveUrl.isBlank()) {
            throw new ConfigurationException("No database URL: pass --url (for example "
                    + "postgresql://user@host:5432/db) or set the " + ENV_URL + " environment variable");
        }
        MigratorConfiguration.Builder builder = DrizzleMigrator.configure()
                .dataSource(effectiveUrl, user, password)
                .location(dir)
                .schema(schema)
                .table(table)
                .outOfOrder(outOfOrder)
                .editedMigrations(edited);
        if (searchPath != null) {
            builder.searchPath(searchPath);
        }
        if (initSql != null) {
            builder.initSql(initSql);
        }
        command.accept(builder);
        MigratorConfiguration configuration = builder.build();
        String envPassword = env.get(ENV_PASSWORD);
        if (!configuration.hasPassword() && envPassword != null && !envPassword.isEmpty()) {
            // the URL is now a JDBC URL without credentials: give it the password of the environment
            configuration = configuration.toBuilder()
                    .dataSource(configuration.url().orElseThrow(), configuration.user().orElse(null), envPassword)
                    .build();
        }
        return configuration.toBuilder().load();
    }
}
