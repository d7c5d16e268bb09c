package io.drizzlemigrator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrateResult;
import io.drizzlemigrator.MigrationFailedException;
import io.drizzlemigrator.health.MigrationHealth.State;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health of real runs against PostgreSQL, one fresh database per test. */
class MigrationHealthPostgresTest {

    private static final String SECRET = "alice@secret.example";

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("runs ended").isTrue();
    }

    @Test
    void aStartupRunTakesTheHealthFromNotCheckedToUp() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key, email text unique);")
                .migration("0001_posts", "create table posts (id serial primary key, title text);")
                .write().toString();
        MigrationHealthTracker health = new MigrationHealthTracker(true);
        assertThat(health.current().state()).isEqualTo(State.NOT_CHECKED);

        try (TestDatabase db = TestDatabase.create("health_up")) {
            Instant before = Instant.now();
            migrator(db, folder, health).migrate();

            MigrationHealth up = health.current();
            assertThat(up.state()).isEqualTo(State.UP);
            assertThat(up.isReady()).isTrue();
            assertThat(up.appliedCount()).hasValue(2);
            assertThat(up.pendingCount()).hasValue(0);
            assertThat(up.lastApplied()).contains("0001_posts");
            assertThat(up.lastAppliedAt()).hasValueSatisfying(t -> assertThat(t).isBetween(before, Instant.now()));
            assertThat(up.checkedAt()).isPresent();
            assertThat(up.problems()).isEmpty();
        }
    }

    @Test
    void withStartupMigrationDisabledAStatusCheckIsPendingUntilTheMigrationsAreAppliedElsewhere() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key);")
                .migration("0001_posts", "create table posts (id serial primary key);")
                .write().toString();
        MigrationHealthTracker health = new MigrationHealthTracker(false);

        try (TestDatabase db = TestDatabase.create("health_pending")) {
            DrizzleMigrator checker = migrator(db, folder, health);
            checker.status();

            MigrationHealth pending = health.current();
            assertThat(pending.state()).isEqualTo(State.PENDING);
            assertThat(pending.isReady()).isFalse();
            assertThat(pending.isAlive()).isTrue();
            assertThat(pending.pendingCount()).hasValue(2);
            assertThat(pending.reason()).contains("startup migration is disabled");

            DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder).load().migrate();
            checker.status();

            assertThat(health.current().state()).isEqualTo(State.UP);
            assertThat(health.current().appliedCount()).hasValue(2);
        }
    }

    @Test
    void aFailedMigrationIsFailedWithItsTagAndSqlStateButNeitherTheStatementNorTheRowValues() {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key, email text unique);\n"
                        + "--> statement-breakpoint\ninsert into users (email) values ('" + SECRET + "');")
                .migration("0001_import", "insert into users (email) values ('" + SECRET + "');")
                .write().toString();
        MigrationHealthTracker health = new MigrationHealthTracker(true);

        try (TestDatabase db = TestDatabase.create("health_failed")) {
            assertThatThrownBy(() -> migrator(db, folder, health).migrate())
                    .isInstanceOf(MigrationFailedException.class)
                    .satisfies(e -> assertThat(e.getCause().getMessage()).as("the server echoes the row")
                            .contains(SECRET));

            MigrationHealth failed = health.current();
            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.isReady()).isFalse();
            assertThat(failed.isAlive()).isTrue();
            MigrationHealth.Failure failure = failed.failure().orElseThrow();
            assertThat(failure.tag()).isEqualTo("0001_import");
            assertThat(failure.sqlState()).isEqualTo("23505");
            assertThat(failure.message()).startsWith("0001_import.sql:1: ").contains("duplicate key value");
            assertThat(failure.leftBehind()).isNotBlank();
            assertThat(failed.appliedCount()).hasValue(1);
            assertThat(failed.pendingCount()).hasValue(1);
            assertThat(failed.toString()).doesNotContain(SECRET).doesNotContainIgnoringCase("insert into");
            assertThat(failed.details().toString()).doesNotContain(SECRET).doesNotContainIgnoringCase("insert into");
        }
    }

    @Test
    void aBlockedRunIsMigratingAndTheRunnerBehindItWaitsForTheLockNamingTheHolder() throws Exception {
        String folder = TestFolder.in(dir)
                .migration("0000_users", "create table users (id serial primary key);")
                .migration("0001_gate_index", Gate.MIGRATION)
                .write().toString();
        MigrationHealthTracker first = new MigrationHealthTracker(true);
        MigrationHealthTracker second = new MigrationHealthTracker(true);

        try (TestDatabase db = TestDatabase.create("health_blocked"); Gate gate = Gate.closed(db)) {
            Future<MigrateResult> holder = pool.submit(() -> migrator(db, folder, first).migrate());
            Poll.until("the first run blocks in 0001_gate_index", gate::hasWaiter, holder);

            MigrationHealth migrating = first.current();
            assertThat(migrating.state()).isEqualTo(State.MIGRATING);
            assertThat(migrating.isReady()).isFalse();
            assertThat(migrating.isAlive()).isTrue();
            assertThat(migrating.currentMigration()).contains("0001_gate_index");
            assertThat(migrating.currentMigrationDuration()).isPresent();
            assertThat(migrating.runDuration()).isPresent();
            assertThat(migrating.details()).containsEntry("migration", "0001_gate_index");

            Future<MigrateResult> waiter = pool.submit(() -> migrator(db, folder, second).migrate());
            Poll.until("the second run waits for the lock",
                    () -> second.current().state() == State.WAITING_FOR_LOCK, waiter);

            MigrationHealth waiting = second.current();
            assertThat(waiting.isReady()).isFalse();
            assertThat(waiting.isAlive()).isTrue();
            assertThat(waiting.lockHolder()).hasValueSatisfying(h -> assertThat(h).startsWith("pid "));
            assertThat(waiting.lockWaitDuration()).isPresent();

            gate.open();
            assertThat(holder.get(30, TimeUnit.SECONDS).appliedCount()).isEqualTo(2);
            assertThat(waiter.get(30, TimeUnit.SECONDS).appliedCount()).isZero();
            assertThat(first.current().state()).isEqualTo(State.UP);
            assertThat(second.current().state()).isEqualTo(State.UP);
            assertThat(second.current().lastApplied()).contains("0001_gate_index");
        }
    }

    private static DrizzleMigrator migrator(TestDatabase db, String folder, MigrationHealthTracker health) {
        return DrizzleMigrator.configure().dataSource(db.dataSource()).location(folder).listener(health).load();
    }
}
