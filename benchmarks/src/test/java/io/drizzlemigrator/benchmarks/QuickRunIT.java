package io.drizzlemigrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick run of the whole harness, as CI runs it, so the harness cannot rot: every tool must have produced every
 * figure (timings are not asserted: the machine is shared and noisy).
 */
class QuickRunIT {

    @Test
    void quickRunProducesEveryFigureOfEveryToolAndWritesTheReports() throws Exception {
        Path out = Path.of("target", "quick-it");
        Options options = Options.parse(new String[] {"--quick", "--out", out.toString()});

        Results results = BenchMain.run(options);

        List<String> expected = new ArrayList<>();
        for (String dataset : List.of("n100", "vercel__ai-chatbot")) {
            boolean generated = dataset.equals("n100");
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.DM, "ms"));
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.JDBC, "ms"));
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.DRIZZLE_ORM, "ms"));
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.DRIZZLE_KIT, "ms"));
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.PSQL, "ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DM, "cold_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DM, "warm_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DM, "pooled_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DM, "heap_peak_mb"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.JDBC, "cold_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.JDBC, "pooled_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DRIZZLE_ORM, "cold_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DRIZZLE_ORM, "warm_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DRIZZLE_KIT, "process_ms"));
            expected.add(Figure.key(Harness.NOOP, dataset, Harness.DM_MEMO_OFF, "pooled_ms"));
            expected.add(Figure.key(Harness.APPLY, dataset, Harness.CLI, "ms"));
            if (generated) {
                expected.add(Figure.key(Harness.NOOP, dataset, Harness.CLI, "process_ms"));
                expected.add(Figure.key(Harness.NOOP, dataset, Harness.JDBC_PROCESS, "process_ms"));
                expected.add(Figure.key(Harness.APPLY, dataset, Harness.FLYWAY, "ms"));
                expected.add(Figure.key(Harness.APPLY, dataset, Harness.FLYWAY, "load_ms"));
                expected.add(Figure.key(Harness.APPLY, dataset, Harness.FLYWAY_GROUP, "ms"));
                expected.add(Figure.key(Harness.APPLY, dataset, Harness.DM, "heap_peak_mb"));
                expected.add(Figure.key(Harness.NOOP, dataset, Harness.FLYWAY, "cold_with_load_ms"));
                expected.add(Figure.key(Harness.NOOP, dataset, Harness.FLYWAY, "warm_ms"));
            }
        }
        expected.add(Figure.key(Harness.SPRING, "n100", Harness.WITH_STARTER, "process_ms"));
        expected.add(Figure.key(Harness.SPRING, "n100", Harness.WITHOUT_STARTER, "process_ms"));
        expected.add(Figure.key(Harness.SPRING, "n100", Harness.WITH_BOOT_FLYWAY, "process_ms"));
        expected.add(Figure.key(JmhRunner.JMH, "n100", "read-folder-disk", "ms_per_op"));
        expected.add(Figure.key(JmhRunner.JMH, "n100", "read-folder-disk-again", "ms_per_op"));
        expected.add(Figure.key(JmhRunner.JMH, "n100", "read-folder-classpath-jar", "ms_per_op"));
        expected.add(Figure.key(JmhRunner.JMH, "n100", "lexer-split", "mb_per_s"));

        assertThat(results.all()).as("no run failed").allSatisfy(f -> assertThat(f.errors).as(f.key()).isEmpty());
        assertThat(results.figures.keySet()).containsAll(expected);
        for (String key : expected) {
            Figure f = results.figures.get(key);
            int reps = key.startsWith(JmhRunner.JMH) ? 1
                    : key.startsWith(Harness.APPLY) ? options.applyReps() : options.noopReps();
            if (key.startsWith(Harness.SPRING)) {
                reps = options.noopReps();
            }
            if (key.contains("vercel")) {
                reps = key.startsWith(Harness.APPLY) ? options.corpusReps() : Math.min(options.noopReps(),
                        options.corpusReps() + 2);
            }
            assertThat(f.values).as(key).hasSize(reps).allSatisfy(v -> assertThat(v).isPositive());
        }
        assertThat(out.resolve("latest.json")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("latest.md"))).contains("× JDBC floor", "Targets",
                "Spring Boot's own Flyway integration", "Whole process, start to exit", "hash memo off",
                "pg_hba methods: scram-sha-256", "on commit `");
        assertThat(results.environment.get("server")).as("the harness's own scram-sha-256 cluster")
                .contains("the harness's own cluster", "pg_hba methods: scram-sha-256");
        assertThat(Files.readAllBytes(out.resolve("benchmarks.png"))).startsWith(0x89, 'P', 'N', 'G');
    }
}
