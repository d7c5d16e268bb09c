package io.drizzlemigrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.drizzlemigrator.Problems.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which findings block under which policies, what their messages say, and the one shape of the read model. */
class ProblemsTest {

    private static MigrationInfo info(String tag, MigrationState state, long when) {
        boolean applied = state == MigrationState.APPLIED || state == MigrationState.EDITED
                || state == MigrationState.UNKNOWN;
        return new MigrationInfo(tag, state == MigrationState.UNKNOWN ? null : tag + ".sql", state, when, state == MigrationState.UNKNOWN ? null : "a".repeat(64),
                applied ? (state == MigrationState.EDITED ? "b" : "a").repeat(64) : null,
                state == MigrationState.APPLIED ? Instant.parse("2026-01-02T03:04:05.678Z") : null, true);
    }

    private static StatusReport report(MigrationInfo... migrations) {
        return new StatusReport("drizzle/migrations", "drizzle.__drizzle_migrations", List.of(migrations));
    }

    private static final StatusReport OUT_OF_ORDER = report(info("0000_a", MigrationState.APPLIED, 1),
            info("0001_b", MigrationState.OUT_OF_ORDER, 2), info("0002_c", MigrationState.APPLIED, 3));

    private static Problems problems(StatusReport r, OutOfOrderPolicy outOfOrder, EditedMigrationPolicy edited,
            Purpose purpose) {
        return Problems.of(r, outOfOrder, edited, purpose, Problems.CORE_SPELLING);
    }

    @Test
    void anOutOfOrderMigrationBlocksOnlyUnderTheFailPolicyAndNamesTheSettingToChange() {
        Problems fail = problems(OUT_OF_ORDER, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.MIGRATE);
        assertThat(fail.blocking()).singleElement().satisfies(p -> assertThat(p.message()).contains("0001_b")
                .contains("newest applied migration (0002_c)").contains("outOfOrder=APPLY")
                .contains("outOfOrder=IGNORE"));
        assertThat(fail.refusal()).get().asString().endsWith("Nothing was applied.");

        for (OutOfOrderPolicy allowed : List.of(OutOfOrderPolicy.APPLY, OutOfOrderPolicy.IGNORE)) {
            Problems p = problems(OUT_OF_ORDER, allowed, EditedMigrationPolicy.WARN, Purpose.STATUS);
            assertThat(p.anyBlocking()).as("%s", allowed).isFalse();
            assertThat(p.refusal()).isEmpty();
            assertThat(p.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                    .contains("outOfOrder=" + allowed.name()));
        }
    }

    @Test
    void anEditedFileBlocksWithFailWarnsWithWarnAndIsOnlyShownWithIgnore() {
        StatusReport r = report(info("0000_a", MigrationState.EDITED, 1));

        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.FAIL, Purpose.STATUS).blocking())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("editedMigrations=WARN"));
        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.STATUS).warnings())
                .hasSize(1);
        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.IGNORE, Purpose.STATUS).all())
                .singleElement().satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.INFO));
    }

    @Test
    void pendingMigrationsBlockValidationOnly() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED, 1), info("0001_b", MigrationState.PENDING, 2));

        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.STATUS).all()).isEmpty();
        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.MIGRATE).all()).isEmpty();
        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.VALIDATE).refusal())
                .get().asString().isEqualTo("0001_b is pending: run migrate.");
    }

    @Test
    void rowsOfANewerBuildAreAWarningThatNeverBlocks() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED, 1), info("<unknown>", MigrationState.UNKNOWN, 9));

        assertThat(problems(r, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.FAIL, Purpose.VALIDATE).all())
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(MigrationState.UNKNOWN);
                    assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                    assertThat(p.message()).contains("drizzle.__drizzle_migrations").contains("created_at 9");
                });
    }

    @Test
    void aFaceNamesTheSettingsItsOwnWay() {
        Problems p = Problems.of(OUT_OF_ORDER, OutOfOrderPolicy.FAIL, EditedMigrationPolicy.WARN, Purpose.STATUS,
                (setting, value) -> "--" + setting + "=" + value.name().toLowerCase());

        assertThat(p.blocking().get(0).message()).contains("--outOfOrder=apply");
    }

    @Test
    void theViewHasOneShapeWithCountsMigrationsProblemsAndWhatThisProcessDid() {
        MigratorConfiguration config = DrizzleMigrator.configure().dataSource("postgresql://u:pw@h:5432/db", null,
                null).build();
        ProcessActivity activity = new ProcessActivity(true, Map.of("0002_c", new ProcessActivity.Applied(
                Instant.parse("2026-02-03T04:05:06Z"), Duration.ofMillis(130), false)),
                new ProcessActivity.Lock(ProcessActivity.LockState.IDLE, null, null, Duration.ZERO),
                new ProcessActivity.LastRun(Instant.parse("2026-02-03T04:05:07Z"), true, 1, Duration.ofMillis(200),
                        Duration.ZERO, null));
        StatusView view = StatusView.of(config, OUT_OF_ORDER, Problems.of(OUT_OF_ORDER, config, Purpose.STATUS),
                activity, "a target");

        Map<String, Object> map = view.toMap();

        assertThat(map.keySet()).containsExactly("location", "table", "target", "migrateOnStartup", "upToDate",
                "counts", "lastApplied", "migrations", "problems", "lock", "lastRun");
        assertThat(StatusView.KEYS).containsAll(map.keySet());
        assertThat(map).extractingByKey("counts").asInstanceOf(MAP).containsEntry("total", 3).containsEntry("applied", 2)
                .containsEntry("outOfOrder", 1);
        assertThat((List<?>) map.get("migrations")).last().asInstanceOf(MAP)
                .containsEntry("appliedByThisProcess", true).containsEntry("durationMillis", 130L)
                .containsEntry("transactional", false).containsEntry("appliedAt", "2026-01-02T03:04:05.678Z");
        assertThat(map).extractingByKey("lock").asInstanceOf(MAP).containsEntry("state", "idle").containsEntry("timeout", "PT10M");
        assertThat(map.toString()).doesNotContain("pw");
    }

    @Test
    void anUnreadableStateShowsItsErrorMasked() {
        MigratorConfiguration config = DrizzleMigrator.configure().dataSource("postgresql://u:pw@h:5432/db", null,
                null).build();
        StatusView view = StatusView.unreadable(config, new DatabaseConnectionException(
                "Cannot connect to postgresql://app:Secr3t-pw@db:5432/app\nDETAIL: more", null), null, null);

        assertThat(view.toMap()).containsOnlyKeys("location", "table", "error");
        assertThat(view.error()).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo("DatabaseConnectionException");
            assertThat(e.message()).doesNotContain("Secr3t-pw").doesNotContain("DETAIL");
        });
    }
}
