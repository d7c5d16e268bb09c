package io.drizzlemigrator.lint;

import io.drizzlemigrator.testing.TestFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Writes migration folders and lints them, for the lint tests. */
final class LintFixture {

    /** The linter's "now": after {@link TestFolder#BASE_WHEN} (2024-11-19). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** Statement rules only: the conventions would fire on every fixture. */
    static final LintConfig STATEMENTS = LintConfig.builder().disable("missing-header").disable("missing-rollback")
            .disable("auto-name").build();

    /** A header that satisfies missing-header. */
    static final String HEADER = "-- Migration: a test migration\n-- Date: 2024-11-19\n-- Author: tests (ci)\n"
            + "-- Source: the lint tests\n-- Rollback: See 0001_change_rollback.sql\n";

    private LintFixture() {
    }

    /** Lints a folder holding one migration, {@code 0000_change.sql}, with the statement rules only. */
    static LintReport lint(Path dir, String sql) {
        return lint(TestFolder.in(dir).migration("0000_change", sql).write(), STATEMENTS);
    }

    /** Lints a folder with {@code 0000_create.sql} = {@code before}, then {@code 0001_change.sql} = {@code sql}. */
    static LintReport lintAfter(Path dir, String before, String sql) {
        return lint(TestFolder.in(dir).migration("0000_create", before).migration("0001_change", sql).write(),
                STATEMENTS);
    }

    static LintReport lint(Path folder, LintConfig config) {
        return MigrationLinter.lint(folder.toString(), null, config, CLOCK);
    }

    /** The findings of one rule. */
    static List<LintFinding> of(LintReport report, String ruleId) {
        return report.findings(ruleId);
    }

    static String sql(String... statements) {
        return TestFolder.statements(statements);
    }

    static void write(Path dir, String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
