package io.drizzlemigrator;

import io.drizzlemigrator.internal.author.Preparer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finishes a migration drizzle-kit has just generated, as the organisation's workflow asks (steps 4 to 7): gives it a
 * descriptive name (file and journal tag, nothing else of the journal changes), the header, {@code PART n} sections,
 * a rollback file when it alters existing objects, and a VERIFICATION QUERIES section; index statements on existing
 * tables become {@code CONCURRENTLY}.
 *
 * <pre>{@code
 * PrepareResult result = MigrationPreparer.configure()
 *         .folder(Path.of("drizzle/migrations"))
 *         .name("add_incident_tables")
 *         .author("Ada (backend)")
 *         .source("INC-42")
 *         .prepare();
 * }</pre>
 *
 * It refuses a migration that a database has applied ({@link Builder#applied(StatusReport)}) or that git has in a
 * commit, unless {@link Builder#force(boolean)}: changing an applied file makes it "edited" everywhere.
 */
public final class MigrationPreparer {

    private MigrationPreparer() {
    }

    public static Builder configure() {
        return new Builder();
    }

    /** What to prepare and how. Not thread-safe; each call of {@link #prepare()} reads the folder afresh. */
    public static final class Builder {

        private Path folder;
        private String tag;
        private String name;
        private String title;
        private String author;
        private String source;
        private boolean concurrently = true;
        private boolean force;
        private StatusReport applied;

        Builder() {
        }

        /** The drizzle migrations folder (the one holding {@code meta/_journal.json}, or drizzle 1.0's folders). */
        public Builder folder(Path folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** The migration to prepare, by tag; default: the newest. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** The descriptive name that replaces drizzle-kit's, e.g. {@code add_incident_tables}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The header's "Migration:" title; default: the name in words. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        /** What triggered the change: a ticket, an audit, a discussion. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Whether index statements on tables that existed before become concurrent (default true). */
        public Builder concurrently(boolean concurrently) {
            this.concurrently = concurrently;
            return this;
        }

        /** Prepare even a migration a database applied or git committed. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** A database's status ({@link DrizzleMigrator#status()}): refuse a migration whose hash it recorded. */
        public Builder applied(StatusReport applied) {
            this.applied = applied;
            return this;
        }

        /** Rewrites, renames and writes the files. */
        public PrepareResult prepare() {
            return run(true);
        }

        /** Computes the same changes and their diff, and changes nothing. */
        public PrepareResult dryRun() {
            return run(false);
        }

        private PrepareResult run(boolean write) {
            if (folder == null) {
                throw new ConfigurationException("No migration folder given", Setting.LOCATION, null);
            }
            return new Preparer(folder, tag, name, title, author, source, concurrently, force, applied).run(write);
        }
    }
}
