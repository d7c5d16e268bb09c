package io.drizzlemigrator.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One measured quantity (for example the cold no-op of drizzle-migrator on the 1000-migration folder, in ms) and
 * every sample taken of it in this run. A run that failed records its error instead of a sample.
 */
final class Figure {

    final String scenario;
    final String dataset;
    final String tool;
    final String metric;
    final String unit;
    final List<Double> values = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    Figure(String scenario, String dataset, String tool, String metric, String unit) {
        this.scenario = scenario;
        this.dataset = dataset;
        this.tool = tool;
        this.metric = metric;
        this.unit = unit;
    }

    static String key(String scenario, String dataset, String tool, String metric) {
        return scenario + "|" + dataset + "|" + tool + "|" + metric;
    }

    String key() {
        return key(scenario, dataset, tool, metric);
    }

    Optional<Stats> stats() {
        return values.isEmpty() ? Optional.empty() : Optional.of(Stats.of(values));
    }

    @Override
    public String toString() {
        return key() + " " + unit + " " + values + (errors.isEmpty() ? "" : " errors=" + errors);
    }
}
