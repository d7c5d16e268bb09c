package io.drizzlemigrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.EditedMigrationPolicy;
import io.drizzlemigrator.MigrationInfo;
import io.drizzlemigrator.MigrationState;
import io.drizzlemigrator.OutOfOrderPolicy;
import io.drizzlemigrator.Problem;
import io.drizzlemigrator.Problems;
import io.drizzlemigrator.StatusReport;
import io.drizzlemigrator.StatusView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which states make status and validate fail as core's {@link Problems} decides them under the command line's
 * options, and how core's view is printed for people and in JSON.
 */
class ProblemTest {

    private static final Redactor NO_SECRETS = Redactor.of(new String[0], Map.of());

    private static MigrationInfo info(String tag, MigrationState state) {
        boolean applied = state == MigrationState.APPLIED || state == MigrationState.EDITED
                || state == MigrationState.UNKNOWN;
        return new MigrationInfo(tag, state == MigrationState.UNKNOWN ? null : tag + ".sql", state, 1_732_000_000_000L, state == MigrationState.UNKNOWN ? null : "a".repeat(64),
                applied ? (state == MigrationState.EDITED ? "b" : "a").repeat(64) : null,
                state == MigrationState.APPLIED ? Instant.parse("2026-01-02T03:04:05.678Z") : null, true);
    }

    private static StatusReport report(MigrationInfo... migrations) {
        return new StatusReport("drizzle/migrations", "drizzle.__drizzle_migrations", List.of(migrations));
    }

    /** The problems as the CLI asks core for them: the default --out-of-order=fail, the given --edited. */
    private static List<Problem> problems(StatusReport r, EditedMigrationPolicy edited, boolean validate) {
        return problems(r, OutOfOrderPolicy.FAIL, edited, validate);
    }

    private static List<Problem> problems(StatusReport r, OutOfOrderPolicy outOfOrder, EditedMigrationPolicy edited,
            boolean validate) {
        return Problems.of(r, outOfOrder, edited, validate ? Problems.Purpose.VALIDATE : Problems.Purpose.STATUS,
                StatusCommand.OPTIONS).all();
    }

    private static boolean anyBlocking(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::blocking);
    }

    private static StatusView view(StatusReport r, EditedMigrationPolicy edited) {
        CommonOptions options = new CommonOptions();
        options.outOfOrder = OutOfOrderPolicy.FAIL;
        options.edited = edited;
        return StatusCommand.view(r, options, Problems.Purpose.STATUS);
    }

    @Test
    void outOfOrderEntriesBlockUnderTheDefaultPolicyWhateverTheEditedPolicy() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("0001_b", MigrationState.OUT_OF_ORDER),
                info("0002_c", MigrationState.APPLIED));

        for (EditedMigrationPolicy policy : EditedMigrationPolicy.values()) {
            List<Problem> problems = problems(r, policy, false);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(MigrationState.OUT_OF_ORDER);
                assertThat(p.blocking()).isTrue();
                assertThat(p.message()).contains("0001_b").contains("0002_c").contains("--out-of-order=apply");
            });
        }
    }

    @Test
    void outOfOrderEntriesAreAWarningWhenTheOptionAppliesOrIgnoresThem() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("0001_b", MigrationState.OUT_OF_ORDER),
                info("0002_c", MigrationState.APPLIED));

        assertThat(problems(r, OutOfOrderPolicy.APPLY, EditedMigrationPolicy.WARN, false)).singleElement()
                .satisfies(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING));
        assertThat(anyBlocking(problems(r, OutOfOrderPolicy.IGNORE, EditedMigrationPolicy.WARN, false))).isFalse();
    }

    @Test
    void editedFilesBlockOnlyWithEditedFail() {
        StatusReport r = report(info("0000_a", MigrationState.EDITED));

        assertThat(anyBlocking(problems(r, EditedMigrationPolicy.WARN, false))).isFalse();
        assertThat(anyBlocking(problems(r, EditedMigrationPolicy.IGNORE, false))).isFalse();
        assertThat(anyBlocking(problems(r, EditedMigrationPolicy.FAIL, false))).isTrue();
    }

    @Test
    void pendingMigrationsAreAProblemOnlyForValidate() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("0001_b", MigrationState.PENDING));

        assertThat(problems(r, EditedMigrationPolicy.WARN, false)).isEmpty();
        assertThat(problems(r, EditedMigrationPolicy.WARN, true)).singleElement()
                .satisfies(p -> assertThat(p.blocking()).isTrue());
    }

    @Test
    void rowsOfANewerBuildAreAWarning() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("<unknown>", MigrationState.UNKNOWN));

        assertThat(problems(r, EditedMigrationPolicy.FAIL, true)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MigrationState.UNKNOWN);
            assertThat(p.blocking()).isFalse();
        });
    }

    @Test
    void theStatusTableShowsEachMigrationWithItsStateAndTimes() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("0001_longer_name", MigrationState.EDITED),
                info("0002_c", MigrationState.PENDING));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TextReport.status(new PrintStream(bytes, true, StandardCharsets.UTF_8), view(r, EditedMigrationPolicy.WARN),
                NO_SECRETS);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("(?m)^  TAG +STATE +CREATED +APPLIED$")
                .containsPattern("(?m)^  0000_a +applied +2024-11-19T07:06:40Z +2026-01-02T03:04:05Z$")
                .containsPattern("(?m)^  0001_longer_name +edited +2024-11-19T07:06:40Z +\\(not recorded\\)$")
                .containsPattern("(?m)^  0002_c +pending +2024-11-19T07:06:40Z +-$")
                .contains("3 migrations: 1 applied, 1 pending, 1 edited.")
                .contains("(warning) 0001_longer_name was edited");
    }

    @Test
    void theStatusJsonCountsEveryStateAndFlagsBlockingProblems() {
        StatusReport r = report(info("0000_a", MigrationState.APPLIED), info("0001_b", MigrationState.OUT_OF_ORDER),
                info("0002_c", MigrationState.APPLIED), info("0003_d", MigrationState.PENDING));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        JsonReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), json -> {
            JsonReport.outcome(json, "status", ExitCodes.PROBLEMS_FOUND);
            JsonReport.status(json, view(r, EditedMigrationPolicy.WARN), NO_SECRETS);
        });

        Map<String, Object> doc = Json.object(bytes.toString(StandardCharsets.UTF_8));
        assertThat(doc).containsEntry("exitCode", 3L).containsEntry("success", false).containsEntry("upToDate", false);
        assertThat(Json.map(doc.get("counts"))).containsEntry("total", 4L).containsEntry("applied", 2L)
                .containsEntry("outOfOrder", 1L).containsEntry("pending", 1L).containsEntry("edited", 0L);
        assertThat(Json.list(doc.get("migrations"))).extracting(m -> Json.map(m).get("state"))
                .containsExactly("applied", "out_of_order", "applied", "pending");
        assertThat(Json.map(Json.list(doc.get("migrations")).get(0)))
                .containsEntry("appliedAt", "2026-01-02T03:04:05.678Z").containsEntry("createdAtMillis", 1_732_000_000_000L);
        assertThat(Json.list(doc.get("problems"))).singleElement()
                .satisfies(p -> assertThat(Json.map(p)).containsEntry("blocking", true));
    }
}
