package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.drizzlemigrator.testing.PostgresExtension;
import io.drizzlemigrator.testing.TestDatabase;
import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken or hostile folders given to the packaged CLI: each is refused with exit code 2 and a message that names
 * the file (and the line where one applies), and no migration is applied, not even the valid ones before the
 * broken one. (For some cases the run creates the empty bookkeeping table before it reads the folder: see
 * docs/reliability.md.)
 */
@ExtendWith(PostgresExtension.class)
class BadInputIT {

    private static final String GOOD = "CREATE TABLE \"good\" (\"id\" integer);";

    @TempDir
    Path tmp;

    /** Writes a broken folder into the directory it is given. */
    interface Breakage {
        void write(Path dir) throws IOException;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("malformed _journal.json", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).write();
                    journal(dir, "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n"
                            + "  \"entries\": [{\"idx\": 0,, \"tag\": \"0000_good\"}]\n}");
                }, "meta/_journal.json:4"),
                Arguments.of("truncated _journal.json", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).migration("0001_more", GOOD.replace("good",
                            "more")).write();
                    String text = Files.readString(dir.resolve("meta/_journal.json"));
                    journal(dir, text.substring(0, text.length() / 2));
                }, "meta/_journal.json:"),
                Arguments.of("missing migration file", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).migration("0001_missing", "SELECT 1;").write();
                    Files.delete(dir.resolve("0001_missing.sql"));
                }, "0001_missing.sql"),
                Arguments.of("tag escaping the folder with ../", (Breakage) dir -> {
                    // the escaped file exists (next to the folder): the tag must be refused, not just not found
                    TestFolder.in(dir).migration("0000_good", GOOD)
                            .migration("../0001_escape", "CREATE TABLE \"escaped\" (\"id\" integer);").write();
                    assertThat(dir.resolveSibling("0001_escape.sql")).exists();
                }, "../0001_escape"),
                Arguments.of("absolute tag", (Breakage) dir -> {
                    Path outside = dir.resolveSibling(dir.getFileName() + "-outside").resolve("0001_abs");
                    Files.createDirectories(outside.getParent());
                    Files.writeString(Path.of(outside + ".sql"), "CREATE TABLE \"escaped\" (\"id\" integer);");
                    TestFolder.in(dir).migration("0000_good", GOOD).migration(outside.toString(), "SELECT 1;").write();
                }, "0001_abs"),
                Arguments.of("duplicate tags", (Breakage) dir ->
                        TestFolder.in(dir).migration("0000_good", GOOD).migration("0001_twice", "SELECT 1;")
                                .migration("0001_twice", "SELECT 1;").write(), "0001_twice"),
                Arguments.of("file that is not UTF-8", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).migration("0001_latin1", "x").write();
                    Files.write(dir.resolve("0001_latin1.sql"), "SELECT 1;\n-- caf\u00e9 au lait\nSELECT 2;"
                            .getBytes(StandardCharsets.ISO_8859_1));
                }, "0001_latin1.sql:2"),
                Arguments.of("unterminated dollar quote", (Breakage) dir -> TestFolder.in(dir)
                        .migration("0000_good", GOOD)
                        .migration("0001_dollar", "SELECT 1;\nDO $body$ BEGIN\n  PERFORM 1;\nEND $$;\n").write(),
                        "0001_dollar.sql:2"),
                Arguments.of("unterminated block comment", (Breakage) dir -> TestFolder.in(dir)
                        .migration("0000_good", GOOD)
                        .migration("0001_comment", "SELECT 1;\n/* a comment\n that never ends;\nSELECT 2;\n").write(),
                        "0001_comment.sql:2"),
                Arguments.of("empty folder", (Breakage) dir -> Files.createDirectories(dir), "_journal.json"),
                Arguments.of("journal of the mysql dialect", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).write();
                    dialect(dir, "mysql");
                }, "mysql"),
                Arguments.of("journal of the sqlite dialect", (Breakage) dir -> {
                    TestFolder.in(dir).migration("0000_good", GOOD).write();
                    dialect(dir, "sqlite");
                }, "sqlite"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenFolderIsRefusedWithExitCode2NamingTheFileAndNothingIsApplied(String name, Breakage breakage,
            String named, TestDatabase db) throws IOException {
        Path dir = tmp.resolve("case").resolve("folder");
        breakage.write(dir);
        // status does not lex the SQL files (it reports, it does not run them): lexer errors only stop migrate
        String[] commands = name.startsWith("unterminated") ? new String[] {"migrate"}
                : new String[] {"migrate", "status"};
        for (String command : commands) {
            String[] args = RaceIT.args(db, dir);
            args[0] = command;
            CliProcess.Result r = CliProcess.run(tmp.resolve("out"), command, Duration.ofMinutes(2), Map.of(), args);
            assertThat(r.exitCode()).as("%s %s: %s", command, name, r).isEqualTo(2);
            assertThat(r.stderr()).as("%s %s: %s", command, name, r).contains(named)
                    .doesNotContainPattern(Pattern.compile("^\\s+at ", Pattern.MULTILINE));
            assertThat(Db.userObjects(db)).as("objects after %s of %s", command, name)
                    .allMatch(o -> o.startsWith("drizzle"), "only the bookkeeping table");
            assertThat(Db.rows(db)).as("rows after %s of %s", command, name).isZero();
        }
        System.out.printf("bad input '%s': exit 2 from %s, message names '%s',"
                + " nothing applied%n", name, String.join(" and ", commands), named);
    }

    private static void journal(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("meta/_journal.json"), text);
    }

    private static void dialect(Path dir, String dialect) throws IOException {
        Path journal = dir.resolve("meta/_journal.json");
        Files.writeString(journal, Files.readString(journal).replace("\"postgresql\"", "\"" + dialect + "\""));
    }
}
