package io.drizzlemigrator.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every figure of one harness run plus what the machine looked like while it ran. */
final class Results {

    final Map<String, Figure> figures = new LinkedHashMap<>();
    final Map<String, String> environment = new LinkedHashMap<>();

    Figure figure(String scenario, String dataset, String tool, String metric, String unit) {
        return figures.computeIfAbsent(Figure.key(scenario, dataset, tool, metric),
                k -> new Figure(scenario, dataset, tool, metric, unit));
    }

    void add(String scenario, String dataset, String tool, String metric, String unit, double value) {
        figure(scenario, dataset, tool, metric, unit).values.add(value);
    }

    void error(String scenario, String dataset, String tool, String metric, String unit, String error) {
        figure(scenario, dataset, tool, metric, unit).errors.add(error);
    }

    Optional<Figure> get(String scenario, String dataset, String tool, String metric) {
        return Optional.ofNullable(figures.get(Figure.key(scenario, dataset, tool, metric)));
    }

    /** The median of a figure, when it has samples. */
    Optional<Double> median(String scenario, String dataset, String tool, String metric) {
        return get(scenario, dataset, tool, metric).flatMap(Figure::stats).map(Stats::median);
    }

    Collection<Figure> all() {
        return figures.values();
    }
}
