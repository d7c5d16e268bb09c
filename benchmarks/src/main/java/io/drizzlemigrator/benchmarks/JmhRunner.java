package io.drizzlemigrator.benchmarks;

import io.drizzlemigrator.benchmarks.jmh.StartupPathBenchmarks;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH micro-benchmarks and records them as figures of the run (scenario {@code jmh}). */
final class JmhRunner {

    static final String JMH = "jmh";

    private JmhRunner() {
    }

    static void run(Dataset d, boolean quick, Results results) throws RunnerException {
        Path folder = d.drizzleFolder();
        System.setProperty(StartupPathBenchmarks.FOLDER_PROPERTY, folder.toString());
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(StartupPathBenchmarks.class.getName() + ".*")
                .jvmArgsAppend("-D" + StartupPathBenchmarks.FOLDER_PROPERTY + "=" + folder)
                .shouldFailOnError(true);
        if (quick) {
            // only proves the benchmarks still run: in-process, one short iteration
            builder.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
        } else {
            builder.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }
        Options options = builder.build();
        Collection<RunResult> runs = new Runner(options).run();
        double bytes = StartupPathBenchmarks.sqlBytes(folder);
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            org.openjdk.jmh.util.Statistics stats = run.getPrimaryResult().getStatistics();
            if (method.equals("readFolder")) {
                String tool = "read-folder-" + run.getParams().getParam("source");
                for (double v : rawValues(stats)) {
                    results.add(JMH, d.id(), tool, "ms_per_op", "ms", v);
                }
            } else {
                for (double v : rawValues(stats)) {
                    // v is ms per split of the whole text
                    results.add(JMH, d.id(), "lexer-split", "mb_per_s", "MB/s", bytes / 1e6 / (v / 1000));
                }
            }
        }
    }

    /** Each iteration's score (the statistics keep every measurement iteration). */
    private static double[] rawValues(org.openjdk.jmh.util.Statistics stats) {
        java.util.List<Double> values = new java.util.ArrayList<>();
        java.util.Iterator<java.util.Map.Entry<Double, Long>> it = stats.getRawData();
        while (it.hasNext()) {
            java.util.Map.Entry<Double, Long> e = it.next();
            for (long i = 0; i < e.getValue(); i++) {
                values.add(e.getKey());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
