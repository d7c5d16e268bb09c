package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.DrizzleMigratorException;
import io.drizzlemigrator.testing.Corpora;
import io.drizzlemigrator.testing.Journal;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the whole {@code status()}/{@code migrate()} path with mutated real folders (bytes flipped, inserted,
 * deleted, truncated; SQL and JSON punctuation spliced in): whatever the input, a run ends within its time limit,
 * and the only exceptions are the library's own ({@link DrizzleMigratorException}), never an NPE, an
 * index-out-of-bounds or a raw SQLException. The lexer and the journal reader have their own property tests in core.
 */
class FolderFuzzIT {

    /** Real SQL (DO blocks, quoted identifiers, foreign keys): the first migrations of a small corpus. */
    static final String CORPUS = "vercel__ai-chatbot";
    static final int MIGRATIONS = 4;
    static final Duration LIMIT = Duration.ofSeconds(30);

    static TestDatabase db;
    static Path base;
    static Path work;
    static final AtomicInteger LIBRARY_ERRORS = new AtomicInteger();
    static final AtomicInteger SUCCESSES = new AtomicInteger();

    @BeforeContainer
    static void setUp() throws IOException {
        db = TestDatabase.create("fuzz");
        work = Files.createTempDirectory("drizzle-fuzz");
        base = TestFolder.cut(Corpora.folder(CORPUS), MIGRATIONS, work.resolve("base"));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        System.out.printf("folder fuzz: %d runs succeeded, %d ended with the library's own error%n", SUCCESSES.get(),
                LIBRARY_ERRORS.get());
        ReliabilityResults.record("FolderFuzzIT", java.util.Map.of("runs that ended with a result", SUCCESSES.get(),
                "runs that ended with the library's own error", LIBRARY_ERRORS.get()));
        if (db != null) {
            db.close();
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One edit of one file of the folder (index 0 is the journal). */
    record Mutation(int file, int kind, double at, int length, String splice) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<String> splices = Arbitraries.oneOf(
                Arbitraries.of("$$", "$a$", "'", "\"", "/*", "*/", "--", "\n--> statement-breakpoint\n", ";", "{",
                        "}", "[", "]", ",", ":", "\"tag\"", "\"when\"", "-1", "1e309", "null", "\u00e9", "\ufeff",
                        "\\u0000", "../", "BEGIN", "COMMIT;", "CONCURRENTLY", "E'\\'", "U&\"", "BEGIN ATOMIC"),
                Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(Arbitraries.integers().between(0, MIGRATIONS), Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 40), splices)
                .as(Mutation::new);
    }

    @Property(tries = 150, seed = "20261125")
    void statusOfAMutatedFolderEndsWithAResultOrTheLibrarysOwnError(@ForAll("mutations") Mutation mutation)
            throws IOException {
        Path folder = mutate(mutation, "status");
        assertTimeoutPreemptively(LIMIT, () -> expectOnlyOwnErrors(() -> migrator(folder).status()));
    }

    @Property(tries = 60, seed = "20261125")
    void migrateOfAMutatedFolderEndsWithAResultOrTheLibrarysOwnError(@ForAll("mutations") Mutation mutation)
            throws IOException {
        Path folder = mutate(mutation, "migrate");
        db.execute("drop schema if exists drizzle cascade", "drop schema public cascade", "create schema public");
        assertTimeoutPreemptively(LIMIT, () -> expectOnlyOwnErrors(() -> migrator(folder).migrate()));
        assertThat(Db.advisoryLocks(db)).as("lock released after %s", mutation).isZero();
    }

    private static void expectOnlyOwnErrors(Runnable run) {
        try {
            run.run();
            SUCCESSES.incrementAndGet();
        } catch (DrizzleMigratorException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            LIBRARY_ERRORS.incrementAndGet();
        }
    }

    private static DrizzleMigrator migrator(Path folder) {
        return DrizzleMigrator.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .location(folder.toString()).initSql("SET statement_timeout = '20s'").load();
    }

    private static Path mutate(Mutation m, String name) throws IOException {
        Path folder = work.resolve(name);
        List<Journal.Entry> entries = Journal.read(base);
        Files.createDirectories(folder.resolve("meta"));
        Files.copy(base.resolve("meta/_journal.json"), folder.resolve("meta/_journal.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Journal.Entry e : entries) {
            Files.copy(base.resolve(e.tag() + ".sql"), folder.resolve(e.tag() + ".sql"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path target = m.file() == 0 ? folder.resolve("meta/_journal.json")
                : folder.resolve(entries.get(m.file() - 1).tag() + ".sql");
        byte[] bytes = Files.readAllBytes(target);
        int at = (int) Math.min(bytes.length, Math.floor(m.at() * bytes.length));
        int end = Math.min(bytes.length, at + m.length());
        byte[] splice = m.splice().getBytes(StandardCharsets.UTF_8);
        byte[] out = switch (m.kind()) {
            case 0 -> concat(slice(bytes, 0, at), splice, slice(bytes, at, bytes.length)); // insert
            case 1 -> concat(slice(bytes, 0, at), slice(bytes, end, bytes.length)); // delete
            case 2 -> slice(bytes, 0, at); // truncate
            case 3 -> { // flip one byte (may make the file invalid UTF-8)
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[Math.min(at, copy.length - 1)] ^= (byte) (1 << (m.length() % 8));
                }
                yield copy;
            }
            case 4 -> concat(slice(bytes, 0, end), slice(bytes, at, bytes.length)); // duplicate a range
            default -> concat(slice(bytes, 0, at), splice, slice(bytes, end, bytes.length)); // replace
        };
        Files.write(target, out);
        return folder;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
