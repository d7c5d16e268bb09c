package io.drizzlemigrator.spring.boot;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationSourceException;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.StatusReport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code drizzle} actuator endpoint ({@code /actuator/drizzle} when exposed): for every {@link DrizzleMigrator}
 * bean, every migration of its folder with its state ({@code applied}, {@code pending}, {@code out_of_order},
 * {@code edited}, {@code unknown}), hash, applied time and, for the ones this process applied, duration; and the
 * lock as this process knows it. Reads the bookkeeping table on each call, without taking the lock. Never shows a
 * password, a URL's credentials, SQL text or an error message that could quote SQL.
 */
@Endpoint(id = "drizzle")
public class DrizzleEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DrizzleEndpoint.class);
    private static final int MAX_ERROR_LENGTH = 200;

    private final ConfigurableApplicationContext context;

    public DrizzleEndpoint(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Every migrator bean, by bean name. */
    @ReadOperation
    public MigratorsDescriptor migrators() {
        Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
        context.getBeansOfType(DrizzleMigrator.class).forEach((name, migrator) -> migrators.put(name,
                describe(migrator)));
        return new MigratorsDescriptor(migrators);
    }

    private MigratorDescriptor describe(DrizzleMigrator migrator) {
        MigratorConfiguration config = migrator.configuration();
        MigrationActivity activity = config.listeners().stream().filter(MigrationActivity.class::isInstance)
                .map(MigrationActivity.class::cast).findFirst().orElse(null);
        StatusReport status = null;
        ErrorDescriptor error = null;
        try {
            status = migrator.status();
        } catch (DrizzleMigratorException e) {
            LOG.warn("The drizzle endpoint could not read the migration state of {}: {}", config.location(),
                    e.getMessage());
            error = ErrorDescriptor.of(e);
        }
        List<MigrationDescriptor> migrations = status == null ? null
                : status.migrations().stream().map(m -> MigrationDescriptor.of(m, activity)).toList();
        return new MigratorDescriptor(config.location(), config.schema() + "." + config.table(), target(config),
                status == null ? null : status.isUpToDate(), status == null ? null : Counts.of(status),
                LockDescriptor.of(config, activity), activity == null ? null : LastRunDescriptor.of(activity),
                migrations, error);
    }

    private String target(MigratorConfiguration config) {
        if (config.url().isPresent()) {
            return config.url().get();
        }
        return config.dataSource().map(d -> "DataSource " + MigrationTarget.beanName(context.getBeanFactory(), d))
                .orElse("DataSource");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /** The endpoint's body. */
    public record MigratorsDescriptor(Map<String, MigratorDescriptor> migrators) implements OperationResponseBody {
    }

    /**
     * One migrator.
     *
     * @param location the migration folder
     * @param table the bookkeeping table, schema-qualified
     * @param target where it connects: a JDBC URL without credentials, or the DataSource bean
     * @param upToDate nothing pending or out of order (absent when the state could not be read)
     * @param counts migrations per state
     * @param lock the migration lock as this process knows it
     * @param lastRun how the last run of this process ended, if one ran
     * @param migrations every migration of the folder in journal order, then rows unknown to it
     * @param error why the state could not be read, if it could not
     */
    public record MigratorDescriptor(String location, String table, String target, Boolean upToDate, Counts counts,
            LockDescriptor lock, LastRunDescriptor lastRun, List<MigrationDescriptor> migrations,
            ErrorDescriptor error) implements OperationResponseBody {
    }

    /** How many migrations are in each state. */
    public record Counts(int applied, int pending, int outOfOrder, int edited, int unknown) {

        static Counts of(StatusReport s) {
            return new Counts(s.applied().size(), s.pending().size(), s.outOfOrder().size(), s.edited().size(),
                    s.unknown().size());
        }
    }

    /**
     * One migration.
     *
     * @param tag the journal tag
     * @param state {@code applied}, {@code pending}, {@code out_of_order}, {@code edited} or {@code unknown}
     * @param hash the file's SHA-256 (absent for unknown rows)
     * @param storedHash the hash stored when it was applied, when it differs from {@code hash}
     * @param appliedAt when it was applied: from the table when it records it, else when this process applied it
     * @param duration how long applying it took, when this process applied it (ISO-8601)
     * @param durationMillis the same in milliseconds
     * @param transactional whether it runs (or ran) inside a transaction; absent for unknown rows
     */
    public record MigrationDescriptor(String tag, String state, String hash, String storedHash, String appliedAt,
            String duration, Long durationMillis, Boolean transactional) {

        static MigrationDescriptor of(MigrationInfo m, MigrationActivity activity) {
            MigrationActivity.Applied applied = activity == null ? null : activity.applied(m.tag());
            Instant appliedAt = m.appliedTime().orElse(applied == null ? null : applied.at());
            String storedHash = m.storedHash() != null && !m.storedHash().equals(m.hash()) ? m.storedHash() : null;
            Boolean transactional = applied != null ? Boolean.valueOf(applied.transactional())
                    : m.state() == MigrationState.UNKNOWN ? null : Boolean.valueOf(m.transactional());
            return new MigrationDescriptor(m.tag(), m.state().name().toLowerCase(Locale.ROOT),
                    m.hash() != null ? m.hash() : m.storedHash(), m.hash() != null ? storedHash : null,
                    text(appliedAt), applied == null ? null : text(applied.duration()),
                    applied == null ? null : applied.duration().toMillis(), transactional);
        }
    }

    /**
     * The migration lock.
     *
     * @param state {@code held} (this process is migrating), {@code waiting} (for another runner) or {@code idle}
     *              (this process neither holds nor waits for it; another runner may hold it)
     * @param holder who holds it, while this process waits
     * @param waited how long this process has been waiting (ISO-8601)
     * @param lastWait how long the last run of this process waited for it
     * @param timeout how long a run waits before failing ({@code drizzle.migrations.lock-timeout})
     * @param key the advisory-lock key when set explicitly; else it is derived from the table
     */
    public record LockDescriptor(String state, String holder, String waited, String lastWait, String timeout,
            Long key) {

        static LockDescriptor of(MigratorConfiguration config, MigrationActivity activity) {
            Long key = config.lockKey().isPresent() ? config.lockKey().getAsLong() : null;
            if (activity == null) {
                return new LockDescriptor(null, null, null, null, text(config.lockTimeout()), key);
            }
            MigrationActivity.Lock lock = activity.lock();
            return new LockDescriptor(lock.state(), lock.holder(), text(lock.waited()), text(lock.lastWait()),
                    text(config.lockTimeout()), key);
        }
    }

    /**
     * The last run of this process.
     *
     * @param outcome {@code success} or {@code failure}
     * @param finishedAt when it ended
     * @param applied how many migrations it applied
     * @param duration how long it took, lock wait included (ISO-8601)
     * @param lockWait how long it waited for the lock (successful runs)
     * @param errorType the exception's simple class name, when it failed
     */
    public record LastRunDescriptor(String outcome, String finishedAt, int applied, String duration, String lockWait,
            String errorType) {

        static LastRunDescriptor of(MigrationActivity activity) {
            MigrationActivity.LastRun run = activity.lastRun();
            if (run == null) {
                return null;
            }
            return new LastRunDescriptor(run.succeeded() ? "success" : "failure", text(run.finishedAt()),
                    run.applied(), text(run.duration()), text(run.lockWait()), run.errorType());
        }
    }

    /**
     * Why the state could not be read.
     *
     * @param type the exception's simple class name
     * @param message what went wrong, without SQL text: the file and line for a folder problem, else the first line
     *                of the message (which never holds a password)
     */
    public record ErrorDescriptor(String type, String message) {

        static ErrorDescriptor of(DrizzleMigratorException e) {
            String message;
            if (e instanceof MigrationSourceException source) {
                message = "The migration folder cannot be read" + source.file()
                        .map(f -> " at " + f + (source.line() > 0 ? ":" + source.line() : "")).orElse("")
                        + "; the application log has the details";
            } else {
                String text = e.getMessage() == null ? "" : e.getMessage();
                int newline = text.indexOf('\n');
                message = newline < 0 ? text : text.substring(0, newline);
                if (message.length() > MAX_ERROR_LENGTH) {
                    message = message.substring(0, MAX_ERROR_LENGTH) + "...";
                }
            }
            return new ErrorDescriptor(e.getClass().getSimpleName(), message);
        }
    }
}
