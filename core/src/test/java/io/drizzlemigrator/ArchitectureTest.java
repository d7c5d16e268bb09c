package io.drizzlemigrator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of core and the direction of their doors, checked on the compiled classes (so a fully qualified name
 * is an edge like an import), and the faces' sources checked for doors into {@code internal}.
 *
 * <pre>
 *   public API (io.drizzlemigrator, .lint, .health, .metrics) ── DrizzleMigrator ──► internal (Engine: the run)
 *   internal ──► source ──► plan ──► execute        (one way)
 *   internal.lint ──► source, sql                   (never execute, never jdbc)
 *   internal.review ──► plan, sql, source            (never execute, never lock: a plan is read-only)
 *   internal.sql: the lexer, depends on nothing else of core
 *   internal.lock ──► digest                        (never source)
 *   cli, spring-boot-starter(s), micronaut-module, examples ──► the public API only
 * </pre>
 */
class ArchitectureTest {

    private static final String CORE = "io.drizzlemigrator";
    private static final String INTERNAL = CORE + ".internal";

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        // core's own classes only, from the build's output (scanning the whole class path is several times slower)
        Path classes = Path.of("target", "classes");
        assertThat(classes).as("core's compiled classes (tests run from core/)").isDirectory();
        core = new ClassFileImporter().importPath(classes);
        assertThat(core).as("core's main classes").hasSizeGreaterThan(50);
    }

    @Test
    void theFolderIsReadBeforeItIsPlannedAndPlannedBeforeItIsExecuted() {
        noClasses().that().resideInAPackage(INTERNAL + ".source..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + ".plan..", INTERNAL + ".execute..",
                        INTERNAL + ".history..", INTERNAL + ".lock..")
                .check(core);
        noClasses().that().resideInAPackage(INTERNAL + ".plan..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + ".execute..")
                .check(core);
    }

    @Test
    void noRoomCallsBackIntoTheRunThatUsesIt() {
        noClasses().that().resideInAPackage(INTERNAL + ".*..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .check(core);
        slices().matching(INTERNAL + ".(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void lintReadsStatementsButNeverRunsThem() {
        noClasses().that().resideInAPackage(INTERNAL + ".lint..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + ".execute..", INTERNAL + ".jdbc..",
                        INTERNAL + ".history..", INTERNAL + ".lock..", "java.sql..")
                .check(core);
    }

    @Test
    void theReviewDerivesAndTracesWithoutTheExecutorOrTheLock() {
        noClasses().that().resideInAPackage(INTERNAL + ".review..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + ".execute..", INTERNAL + ".lock..")
                .check(core);
    }

    @Test
    void theLexerDependsOnNothingElseOfCore() {
        noClasses().that().resideInAPackage(INTERNAL + ".sql..")
                .should().dependOnClassesThat(resideInAPackage(CORE + "..").and(resideOutsideOfPackage(INTERNAL
                        + ".sql..")))
                .check(core);
    }

    @Test
    void theLockDoesNotReachIntoTheFolderReader() {
        noClasses().that().resideInAPackage(INTERNAL + ".lock..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + ".source..", INTERNAL + ".sql..")
                .check(core);
    }

    @Test
    void coreKnowsNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micronaut..",
                "picocli..", "jakarta..", "javax.inject..")
                .check(core);
    }

    @Test
    void facesUseThePublicApiOnly() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> doors = new ArrayList<>();
        int files = 0;
        // spring-boot3-starter: its own files (the rest is spring-boot-starter's, copied at build time)
        for (String face : List.of("cli", "spring-boot-starter", "spring-boot3-starter", "micronaut-module",
                "examples")) {
            Path dir = root.resolve(face);
            assertThat(dir).as("the face %s beside core (tests run from core/)", face).isDirectory();
            try (Stream<Path> sources = Files.walk(dir)) {
                for (Path file : sources.filter(p -> p.toString().endsWith(".java")
                        && p.toString().contains("src" + File.separator + "main")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains(INTERNAL + ".") || lines.get(i).contains(INTERNAL + ";")) {
                            doors.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(files).as("face sources scanned").isGreaterThan(30);
        assertThat(doors).as("lines of the faces that name core's internal packages").isEmpty();
    }
}
