package io.drizzlemigrator.cli;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.MigrationPreparer;
import io.drizzlemigrator.PrepareResult;
import io.drizzlemigrator.StatusReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prepare}: finishes the migration drizzle-kit just generated as the organisation's workflow asks: descriptive
 * name, header, sections, rollback file, verification queries, concurrent index statements. Core does the work
 * ({@link MigrationPreparer}); this prints its diff or its summary.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Finish a migration drizzle-kit generate just wrote (the newest, or --tag): rename it "
                + "descriptively (file and journal tag; nothing else of the journal changes), add the header "
                + "(Migration, Date, Author, Source, Implements, Rollback), PART sections and a VERIFICATION QUERIES "
                + "section, write the rollback file when it alters existing objects, and make index statements on "
                + "existing tables CONCURRENTLY. Every --> statement-breakpoint stays.",
            "Refuses a migration a database has applied (--url) or git has in a commit, unless --force: changing it "
                + "would make it \"edited\" everywhere. Walkthrough: docs/authoring.md."})
final class PrepareCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "<dir>", description = {"The drizzle migrations folder.",
        "Default: ${DEFAULT-VALUE}."})
    Path dir;

    @Option(names = "--tag", paramLabel = "<tag>", description = "The migration to prepare; default: the newest.")
    String tag;

    @Option(names = "--name", paramLabel = "<name>", required = true,
            description = "The descriptive name, e.g. add_incident_tables (0009_dizzy_falcon becomes "
                    + "0009_add_incident_tables).")
    String name;

    @Option(names = "--title", paramLabel = "<title>", description = "The header's title; default: the name in words.")
    String title;

    @Option(names = "--author", paramLabel = "<author>", required = true,
            description = "Who wrote it, e.g. \"Ada (backend)\".")
    String author;

    @Option(names = "--source", paramLabel = "<source>", required = true,
            description = "What triggered it: a ticket, an audit, a discussion.")
    String source;

    @Option(names = "--dry-run", description = "Print the unified diff of every change and change nothing.")
    boolean dryRun;

    @Option(names = "--no-concurrently", negatable = false,
            description = "Leave CREATE INDEX / DROP INDEX as drizzle-kit wrote them (no CONCURRENTLY).")
    boolean noConcurrently;

    @Option(names = "--url", paramLabel = "<url>",
            description = "A database to check: refuse when it has applied this migration (default: "
                    + CommonOptions.ENV_URL + " when set).")
    String url;

    @Option(names = "--user", paramLabel = "<user>", description = "Database user (overrides the URL's).")
    String user;

    @Option(names = "--password", paramLabel = "<password>", description = "Database password (or "
            + CommonOptions.ENV_PASSWORD + ").")
    String password;

    @Option(names = "--force", description = "Prepare even a migration that a database applied or git committed.")
    boolean force;

    private final CliContext context;

    PrepareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Logging.configure(false, true, false);
        try {
            MigrationPreparer.Builder preparer = MigrationPreparer.configure().folder(dir).tag(tag).name(name)
                    .title(title).author(author).source(source).concurrently(!noConcurrently).force(force)
                    .applied(applied());
            PrepareResult result = dryRun ? preparer.dryRun() : preparer.prepare();
            print(result);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            context.error(Errors.expected(e) ? Errors.message(e) : Errors.message(e) + "\n" + Errors.stackTrace(e));
            return ExitCodes.of(e, "prepare");
        }
    }

    /** The database's status when a URL is given (and no --force), else null. */
    private StatusReport applied() {
        String effectiveUrl = url != null ? url : context.env().get(CommonOptions.ENV_URL);
        if (force || effectiveUrl == null || effectiveUrl.isBlank()) {
            return null;
        }
        String pw = password != null ? password : context.env().get(CommonOptions.ENV_PASSWORD);
        return DrizzleMigrator.configure().dataSource(effectiveUrl, user, pw).location(dir.toString()).load()
                .status();
    }

    private void print(PrepareResult result) {
        PrintStream out = context.out();
        if (!result.written()) {
            out.print(result.diff());
        } else {
            out.println("Prepared " + result.tag() + " as " + result.newTag() + ":");
            for (PrepareResult.FileChange f : result.files()) {
                out.println("  " + (f.before() == null ? "created " + f.after()
                        : f.before().equals(f.after()) ? "updated " + f.after() : "renamed " + f.before() + " -> "
                                + f.after()));
            }
            out.println("  " + result.verificationQueries().size() + " verification queries; rollback: "
                    + (result.rollbackFile() == null ? "none needed (the migration only adds)"
                            : result.allInversesDerived() ? result.rollbackFile()
                                    : result.rollbackFile() + " (has -- MANUAL: steps to write by hand)"));
            out.println("Review it, then: drizzle-migrator lint --dir " + dir);
        }
        out.flush();
    }
}
