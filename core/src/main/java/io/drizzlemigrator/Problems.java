package io.drizzlemigrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides, from the configured policies, which findings of a {@link StatusReport} block and what
 * to tell a person about each. Every face (the CLI, the endpoints) and the engine take their problems from here.
 *
 * <ul>
 *   <li>out of order: {@link OutOfOrderPolicy#FAIL} blocks; {@code APPLY} (migrate applies them) and {@code IGNORE}
 *       (left unapplied, as drizzle does) are warnings;</li>
 *   <li>edited: {@link EditedMigrationPolicy#FAIL} blocks, {@code WARN} warns, {@code IGNORE} is information only;</li>
 *   <li>rows unknown to this folder: a warning (the database is ahead of this build), never blocking; but a folder
 *       with no migrations against a database with rows is one blocking problem (tagged {@link #WRONG_FOLDER}): the
 *       wrong folder, not a rollback;</li>
 *   <li>pending: blocking for {@link Purpose#VALIDATE} only, otherwise not a problem.</li>
 * </ul>
 *
 * <pre>{@code
 * Problems problems = Problems.of(report, configuration, Problems.Purpose.MIGRATE);
 * problems.refusal().ifPresent(text -> { throw new ValidationException(text, report); });
 * problems.warnings().forEach(p -> log.warn(p.message()));
 * }</pre>
 */
public final class Problems {

    /** What the state was read for: it decides whether pending migrations are a problem and how a message ends. */
    public enum Purpose {
        /** Reporting only ({@code status()}, endpoints, the CLI's {@code status}). */
        STATUS,
        /** A gate: pending migrations block too. */
        VALIDATE,
        /** Before applying: blocking problems refuse the run. */
        MIGRATE
    }

    /** How a face names a setting and a value in a message, e.g. {@code outOfOrder=APPLY} or {@code --out-of-order=apply}. */
    @FunctionalInterface
    public interface Spelling {

        /**
         * @param setting the core setting, as {@link MigratorConfiguration.Builder} names it: one of the
         *                {@link Setting#builderName()}s ({@code outOfOrder}, {@code editedMigrations},
         *                {@code location}); {@link Setting#ofBuilderName(String)} gives the constant back
         * @param value the value to name
         */
        String setting(String setting, Enum<?> value);
    }

    /** Settings as the core's builder names them: {@code outOfOrder=APPLY}. */
    public static final Spelling CORE_SPELLING = new CoreSpelling();

    /**
     * {@link #CORE_SPELLING}: a class rather than a lambda, because every start reaches this class and bootstrapping
     * the first lambda of a JVM costs a service's first start milliseconds.
     */
    private static final class CoreSpelling implements Spelling {
        @Override
        public String setting(String setting, Enum<?> value) {
            return setting + "=" + value.name();
        }
    }

    private static final String OUT_OF_ORDER = Setting.OUT_OF_ORDER.builderName();
    private static final String EDITED = Setting.EDITED_MIGRATIONS.builderName();
    /** The tag of the problem of an empty folder against a database with history. */
    public static final String WRONG_FOLDER = "<folder>";

    private final Purpose purpose;
    private final List<Problem> all;

    private Problems(Purpose purpose, List<Problem> all) {
        this.purpose = purpose;
        this.all = List.copyOf(all);
    }

    /** The problems of {@code report} under the policies of {@code configuration}, settings named as the core does. */
    public static Problems of(StatusReport report, MigratorConfiguration configuration, Purpose purpose) {
        return of(report, configuration.outOfOrder(), configuration.editedMigrations(), purpose, CORE_SPELLING);
    }

    /** The problems of {@code report} under these policies, settings named as {@code spelling} says. */
    public static Problems of(StatusReport report, OutOfOrderPolicy outOfOrder, EditedMigrationPolicy edited,
            Purpose purpose, Spelling spelling) {
        Objects.requireNonNull(outOfOrder, "outOfOrder");
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(spelling, "spelling");
        List<Problem> problems = new ArrayList<>();
        List<MigrationInfo> unknown = report.unknown();
        if (!unknown.isEmpty() && unknown.size() == report.migrations().size()) {
            // one problem rather than one per row: the folder is not the one this database was migrated from
            problems.add(new Problem(MigrationState.UNKNOWN, WRONG_FOLDER, Problem.Severity.BLOCKING, "The folder "
                    + report.location() + " has no migrations but the database has " + unknown.size() + " (rows of "
                    + report.table() + "): wrong " + Setting.LOCATION.builderName() + "? Point it at the folder the"
                    + " database was migrated from."));
            return new Problems(purpose, problems);
        }
        String newest = newestApplied(report);
        for (MigrationInfo m : report.migrations()) {
            switch (m.state()) {
                case OUT_OF_ORDER -> problems.add(outOfOrder(m, newest, outOfOrder, purpose, spelling));
                case EDITED -> problems.add(edited(m, edited, spelling));
                case UNKNOWN -> problems.add(new Problem(m.state(), m.tag(), Problem.Severity.WARNING, "A row of "
                        + report.table() + " (" + (m.tag().equals("<unknown>") ? "" : "named " + m.tag() + ", ")
                        + "created_at " + m.folderMillis() + ", hash " + shortHash(m.storedHash()) + ") matches no "
                        + "migration of this folder: the database is ahead of this build (migrated by a newer build "
                        + "or from another folder; normal during a rollback of the application)."));
                case PENDING -> {
                    if (purpose == Purpose.VALIDATE) {
                        problems.add(new Problem(m.state(), m.tag(), Problem.Severity.BLOCKING,
                                m.tag() + " is pending: run migrate."));
                    }
                }
                default -> {
                    // applied: nothing to say
                }
            }
        }
        return new Problems(purpose, problems);
    }

    private static Problem outOfOrder(MigrationInfo m, String newest, OutOfOrderPolicy policy, Purpose purpose,
            Spelling spelling) {
        String text = m.tag() + " was never applied but is older than the newest applied migration (" + newest
                + "); drizzle's migrator would skip it forever.";
        return switch (policy) {
            case FAIL -> new Problem(m.state(), m.tag(), Problem.Severity.BLOCKING, text + " Check that it does not "
                    + "conflict with the newer ones, then allow it with "
                    + spelling.setting(OUT_OF_ORDER, OutOfOrderPolicy.APPLY) + " (or skip it as drizzle does with "
                    + spelling.setting(OUT_OF_ORDER, OutOfOrderPolicy.IGNORE) + "), or regenerate it so that it "
                    + "comes last.");
            case APPLY -> new Problem(m.state(), m.tag(), Problem.Severity.WARNING, text
                    + (purpose == Purpose.MIGRATE ? " Applying it" : " The next migrate applies it") + " ("
                    + spelling.setting(OUT_OF_ORDER, policy) + ").");
            case IGNORE -> new Problem(m.state(), m.tag(), Problem.Severity.WARNING, text + " Left unapplied ("
                    + spelling.setting(OUT_OF_ORDER, policy) + ").");
        };
    }

    private static Problem edited(MigrationInfo m, EditedMigrationPolicy policy, Spelling spelling) {
        String text = m.tag() + " was edited after it was applied (" + (m.file() != null ? "file " + m.file() + ", "
                : "") + "stored hash " + shortHash(m.storedHash())
                + ", file hash " + shortHash(m.hash()) + "); the database does not have the edit.";
        return switch (policy) {
            case FAIL -> new Problem(m.state(), m.tag(), Problem.Severity.BLOCKING, text + " Restore the file, or put "
                    + "the change in a new migration (or accept the edit with "
                    + spelling.setting(EDITED, EditedMigrationPolicy.WARN) + ").");
            case WARN -> new Problem(m.state(), m.tag(), Problem.Severity.WARNING,
                    text + " Restore the file, or put the change in a new migration.");
            case IGNORE -> new Problem(m.state(), m.tag(), Problem.Severity.INFO, text + " Runs say nothing about it ("
                    + spelling.setting(EDITED, policy) + ").");
        };
    }

    /** The row with the largest created_at, as the planner orders history: a migration's tag or an unknown row. */
    private static String newestApplied(StatusReport report) {
        MigrationInfo newest = null;
        for (MigrationInfo m : report.migrations()) {
            if (m.isApplied() && (newest == null || m.folderMillis() >= newest.folderMillis())) {
                newest = m;
            }
        }
        if (newest == null) {
            return "none";
        }
        return newest.state() == MigrationState.UNKNOWN && newest.tag().equals("<unknown>")
                ? "a row unknown to this folder, created_at " + newest.folderMillis() : newest.tag();
    }

    private static String shortHash(String hash) {
        if (hash == null) {
            return "none";
        }
        return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }

    /** What the state was read for. */
    public Purpose purpose() {
        return purpose;
    }

    /** Every problem, in the report's order. */
    public List<Problem> all() {
        return all;
    }

    /** The problems the policies refuse. */
    public List<Problem> blocking() {
        return withSeverity(Problem.Severity.BLOCKING);
    }

    /** The problems worth a warning (what {@link MigrateResult#warnings()} lists). */
    public List<Problem> warnings() {
        return withSeverity(Problem.Severity.WARNING);
    }

    public boolean anyBlocking() {
        return !blocking().isEmpty();
    }

    /**
     * The text of the {@link ValidationException} to throw when anything blocks: every blocking problem's message, and
     * for {@link Purpose#MIGRATE} that nothing was applied.
     */
    public Optional<String> refusal() {
        List<Problem> blocking = blocking();
        if (blocking.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (Problem p : blocking) {
            text.append(text.length() == 0 ? "" : " ").append(p.message());
        }
        if (purpose == Purpose.MIGRATE) {
            text.append(" Nothing was applied.");
        }
        return Optional.of(text.toString());
    }

    /**
     * The setting that would allow what {@link #refusal()} refuses (the first blocking problem's), for
     * {@link DrizzleMigratorException#setting()}; empty when nothing blocks or no setting does (pending migrations).
     */
    public Optional<Setting> refusalSetting() {
        for (Problem p : blocking()) {
            if (p.tag().equals(WRONG_FOLDER) && p.kind() == MigrationState.UNKNOWN) {
                return Optional.of(Setting.LOCATION);
            }
            if (p.kind() == MigrationState.OUT_OF_ORDER) {
                return Optional.of(Setting.OUT_OF_ORDER);
            }
            if (p.kind() == MigrationState.EDITED) {
                return Optional.of(Setting.EDITED_MIGRATIONS);
            }
        }
        return Optional.empty();
    }

    private List<Problem> withSeverity(Problem.Severity severity) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : all) {
            if (p.severity() == severity) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "Problems" + all;
    }
}
