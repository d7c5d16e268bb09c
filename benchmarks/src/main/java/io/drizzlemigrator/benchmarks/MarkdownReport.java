package io.drizzlemigrator.benchmarks;

import static io.drizzlemigrator.benchmarks.Harness.APPLY;
import static io.drizzlemigrator.benchmarks.Harness.DM;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_KIT;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_ORM;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY_GROUP;
import static io.drizzlemigrator.benchmarks.Harness.JDBC;
import static io.drizzlemigrator.benchmarks.Harness.NOOP;
import static io.drizzlemigrator.benchmarks.Harness.PSQL;
import static io.drizzlemigrator.benchmarks.Harness.SPRING;
import static io.drizzlemigrator.benchmarks.Harness.WITHOUT_STARTER;
import static io.drizzlemigrator.benchmarks.Harness.WITH_STARTER;
import static io.drizzlemigrator.benchmarks.JmhRunner.JMH;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run as Markdown: environment, no-op and apply tables (median, min–max, ratio to the floor and to
 * drizzle-migrator of the same run), corpora, scaling, memory, micro-benchmarks and the targets checked.
 */
final class MarkdownReport {

    /** One table row: a figure, and the figures of the same run it is divided by. */
    private record Row(String label, String tool, String metric, String floorTool, String floorMetric,
            String dmMetric) {
    }

    private final Results r;
    private final List<Dataset> datasets;
    private final StringBuilder md = new StringBuilder();

    private MarkdownReport(Results r, List<Dataset> datasets) {
        this.r = r;
        this.datasets = datasets;
    }

    static String render(Results results, List<Dataset> datasets, String chartLink) {
        return new MarkdownReport(results, datasets).render(chartLink);
    }

    private String render(String chartLink) {
        line("Run of " + r.environment.get("finished") + ", mode `" + r.environment.get("mode") + "`: "
                + r.environment.get("machine") + "; load average (1/5/15 min) "
                + r.environment.get("loadavg_start") + " at the start, " + r.environment.get("loadavg_end")
                + " at the end; " + r.environment.get("versions") + ".");
        line("");
        if (chartLink != null) {
            line("![drizzle-migrator and its peers, no-op start and apply-all](" + chartLink + ")");
            line("");
        }
        List<Dataset> generated = datasets.stream().filter(Dataset::generated).toList();
        for (Dataset d : generated) {
            noopTable(d);
        }
        for (Dataset d : generated) {
            applyTable(d);
        }
        corporaTable();
        scaling(generated);
        memory(generated);
        spring(generated);
        jmh();
        fanOut();
        targets(generated);
        errors();
        return md.toString();
    }

    private void noopTable(Dataset d) {
        line("### No-op start, " + d.label() + " (everything applied)");
        line("");
        line("Ratios divide by the JDBC floor of the same kind (cold, warm or process) and by drizzle-migrator's"
                + " figure of the same kind, both measured in this run.");
        line("");
        table(d.id(), NOOP, List.of(
                new Row("drizzle-migrator `migrate()`, first call in a fresh JVM", DM, "cold_ms", JDBC, "cold_ms",
                        "cold_ms"),
                new Row("JDBC floor: connect + `select 1`, fresh JVM", JDBC, "cold_ms", JDBC, "cold_ms", "cold_ms"),
                new Row("Flyway `load()`, fresh JVM", FLYWAY, "load_ms", JDBC, "cold_ms", "cold_ms"),
                new Row("Flyway `migrate()`, fresh JVM", FLYWAY, "cold_ms", JDBC, "cold_ms", "cold_ms"),
                new Row("Flyway `load()` + `migrate()`, fresh JVM", FLYWAY, "cold_with_load_ms", JDBC, "cold_ms",
                        "cold_ms"),
                new Row("drizzle-orm `migrate()`, first call in a Node process", DRIZZLE_ORM, "cold_ms", JDBC,
                        "cold_ms", "cold_ms"),
                new Row("drizzle-migrator `migrate()`, warm, new connection (second call, URL)", DM, "warm_ms",
                        JDBC, "warm_ms", "warm_ms"),
                new Row("JDBC floor, warm, new connection", JDBC, "warm_ms", JDBC, "warm_ms", "warm_ms"),
                new Row("Flyway `migrate()`, warm, new connection", FLYWAY, "warm_ms", JDBC, "warm_ms", "warm_ms"),
                new Row("drizzle-migrator `migrate()`, warm, open (pooled) connection", DM, "pooled_ms", JDBC,
                        "pooled_ms", "pooled_ms"),
                new Row("JDBC floor, warm: `select 1` on an open connection", JDBC, "pooled_ms", JDBC, "pooled_ms",
                        "pooled_ms"),
                new Row("drizzle-orm `migrate()`, warm, pooled connection (second call)", DRIZZLE_ORM, "warm_ms",
                        JDBC, "pooled_ms", "pooled_ms"),
                new Row("drizzle-migrator, JVM process start to first call's return", DM, "process_ms", JDBC, "process_ms", "process_ms"),
                new Row("JDBC floor, JVM process start to first call's return", JDBC, "process_ms", JDBC, "process_ms", "process_ms"),
                new Row("Flyway, JVM process start to first call's return", FLYWAY, "process_ms", JDBC, "process_ms", "process_ms"),
                new Row("drizzle-orm, Node process start to first call's return", DRIZZLE_ORM, "process_ms", JDBC, "process_ms",
                        "process_ms"),
                new Row("`drizzle-kit migrate`, whole process", DRIZZLE_KIT, "process_ms", JDBC, "process_ms",
                        "process_ms")));
    }

    private void applyTable(Dataset d) {
        line("### Apply all, " + d.label() + ", into an empty database");
        line("");
        line("In-process time of the migrate call (connect included) for the Java tools and drizzle-orm; whole "
                + "process for drizzle-kit and psql. Fresh database each run, tools alternating.");
        line("");
        table(d.id(), APPLY, List.of(
                new Row("drizzle-migrator (one transaction per migration)", DM, "ms", JDBC, "ms", "ms"),
                new Row("JDBC floor (same statements, one transaction)", JDBC, "ms", JDBC, "ms", "ms"),
                new Row("Flyway `migrate()`", FLYWAY, "ms", JDBC, "ms", "ms"),
                new Row("Flyway `migrate()`, `group(true)`", FLYWAY_GROUP, "ms", JDBC, "ms", "ms"),
                new Row("Flyway `load()` (reported apart)", FLYWAY, "load_ms", JDBC, "ms", "ms"),
                new Row("drizzle-orm `migrate()` (one transaction)", DRIZZLE_ORM, "ms", JDBC, "ms", "ms"),
                new Row("`drizzle-kit migrate`, whole process", DRIZZLE_KIT, "ms", JDBC, "ms", "ms"),
                new Row("`psql -1 -f all.sql`, whole process", PSQL, "ms", JDBC, "ms", "ms")));
    }

    private void table(String dataset, String scenario, List<Row> rows) {
        line("| | median | min–max | n | × JDBC floor | × drizzle-migrator |");
        line("|---|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Optional<Figure> f = r.get(scenario, dataset, row.tool(), row.metric());
            if (f.isEmpty()) {
                continue;
            }
            Optional<Stats> s = f.get().stats();
            if (s.isEmpty()) {
                line("| " + row.label() + " | failed | | 0 | | |");
                continue;
            }
            Optional<Double> floor = r.median(scenario, dataset, row.floorTool(), row.floorMetric());
            Optional<Double> dm = r.median(scenario, dataset, DM, row.dmMetric());
            line("| " + row.label() + " | " + ms(s.get().median()) + " | " + ms(s.get().min()) + "–"
                    + ms(s.get().max()) + " | " + s.get().count() + " | " + ratio(s.get().median(), floor) + " | "
                    + ratio(s.get().median(), dm) + " |");
        }
        line("");
    }

    private void corporaTable() {
        List<Dataset> corpora = datasets.stream().filter(d -> !d.generated()).toList();
        if (corpora.isEmpty()) {
            return;
        }
        line("### Real folders (`shared/corpora`), medians");
        line("");
        line("| folder | migrations | no-op cold | no-op warm (open connection) | drizzle-orm no-op warm | apply | JDBC floor apply "
                + "| drizzle-orm apply | apply × floor | apply × drizzle-orm |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Dataset d : corpora) {
            Optional<Double> apply = r.median(APPLY, d.id(), DM, "ms");
            Optional<Double> floor = r.median(APPLY, d.id(), JDBC, "ms");
            Optional<Double> orm = r.median(APPLY, d.id(), DRIZZLE_ORM, "ms");
            line("| " + d.id() + " | " + d.migrations() + " | " + opt(r.median(NOOP, d.id(), DM, "cold_ms")) + " | "
                    + opt(r.median(NOOP, d.id(), DM, "pooled_ms")) + " | "
                    + opt(r.median(NOOP, d.id(), DRIZZLE_ORM, "warm_ms")) + " | " + opt(apply) + " | " + opt(floor)
                    + " | " + opt(orm) + " | " + (apply.isPresent() ? ratio(apply.get(), floor) : "") + " | "
                    + (apply.isPresent() ? ratio(apply.get(), orm) : "") + " |");
        }
        line("");
    }

    private void scaling(List<Dataset> generated) {
        if (generated.size() < 2) {
            return;
        }
        Dataset small = generated.get(0);
        Dataset large = generated.get(generated.size() - 1);
        int dn = large.migrations() - small.migrations();
        line("### Growth with N (" + small.id() + " → " + large.id() + ")");
        line("");
        line("| | per added migration | × JDBC floor's |");
        line("|---|---:|---:|");
        slope("apply, drizzle-migrator", APPLY, DM, "ms", APPLY, JDBC, "ms", small, large, dn);
        slope("apply, JDBC floor", APPLY, JDBC, "ms", APPLY, JDBC, "ms", small, large, dn);
        slope("apply, Flyway", APPLY, FLYWAY, "ms", APPLY, JDBC, "ms", small, large, dn);
        slope("apply, drizzle-orm", APPLY, DRIZZLE_ORM, "ms", APPLY, JDBC, "ms", small, large, dn);
        slope("no-op cold, drizzle-migrator", NOOP, DM, "cold_ms", NOOP, JDBC, "cold_ms", small, large, dn);
        slope("no-op warm (open connection), drizzle-migrator", NOOP, DM, "pooled_ms", NOOP, JDBC, "pooled_ms", small,
                large, dn);
        slope("no-op warm (pooled), drizzle-orm", NOOP, DRIZZLE_ORM, "warm_ms", NOOP, JDBC, "pooled_ms", small, large,
                dn);
        slope("no-op, Flyway load()+migrate()", NOOP, FLYWAY, "cold_with_load_ms", NOOP, JDBC, "cold_ms", small,
                large, dn);
        line("");
        for (Dataset d : generated) {
            Optional<Double> dm = r.median(APPLY, d.id(), DM, "ms");
            Optional<Double> floor = r.median(APPLY, d.id(), JDBC, "ms");
            if (dm.isPresent() && floor.isPresent()) {
                line("- " + d.id() + ": drizzle-migrator's apply costs " + us((dm.get() - floor.get())
                        / d.migrations()) + " per migration beyond the SQL's own cost (median apply minus median "
                        + "JDBC floor, divided by N).");
            }
        }
        line("");
    }

    private void slope(String label, String scenario, String tool, String metric, String floorScenario,
            String floorTool, String floorMetric, Dataset small, Dataset large, int dn) {
        Optional<Double> a = r.median(scenario, small.id(), tool, metric);
        Optional<Double> b = r.median(scenario, large.id(), tool, metric);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double per = (b.get() - a.get()) / dn;
        Optional<Double> fa = r.median(floorScenario, small.id(), floorTool, floorMetric);
        Optional<Double> fb = r.median(floorScenario, large.id(), floorTool, floorMetric);
        String ratio = fa.isPresent() && fb.isPresent() && !tool.equals(floorTool)
                ? ratio(per, Optional.of((fb.get() - fa.get()) / dn)) : "";
        line("| " + label + " | " + us(per) + " | " + ratio + " |");
    }

    private void memory(List<Dataset> generated) {
        if (generated.isEmpty()) {
            return;
        }
        Dataset d = generated.get(generated.size() - 1);
        line("### Memory, " + d.label());
        line("");
        line("Peak heap = sum of the heap pools' peak usage in the fresh JVM after the first call (default heap "
                + "settings, so it includes garbage not yet collected); allocated = bytes the calling thread "
                + "allocated since the JVM started.");
        line("");
        line("| | peak heap (MB) | allocated (MB) |");
        line("|---|---:|---:|");
        mem("drizzle-migrator, no-op", NOOP, DM, d);
        mem("JDBC floor, no-op", NOOP, JDBC, d);
        mem("Flyway, no-op", NOOP, FLYWAY, d);
        mem("drizzle-migrator, apply", APPLY, DM, d);
        mem("Flyway, apply", APPLY, FLYWAY, d);
        Optional<Double> warm = r.median(NOOP, d.id(), DM, "alloc_warm_mb");
        line("");
        warm.ifPresent(w -> line("A warm no-op call of drizzle-migrator allocates " + num(w) + " MB."));
        line("");
    }

    private void mem(String label, String scenario, String tool, Dataset d) {
        Optional<Double> heap = r.median(scenario, d.id(), tool, "heap_peak_mb");
        Optional<Double> alloc = r.median(scenario, d.id(), tool, "alloc_mb");
        if (heap.isPresent() || alloc.isPresent()) {
            line("| " + label + " | " + heap.map(MarkdownReport::num).orElse("") + " | "
                    + alloc.map(MarkdownReport::num).orElse("") + " |");
        }
    }

    private void spring(List<Dataset> generated) {
        Dataset d = generated.stream().filter(g -> r.get(SPRING, g.id(), WITH_STARTER, "process_ms").isPresent())
                .reduce((a, b) -> b).orElse(null);
        if (d == null) {
            return;
        }
        line("### Spring Boot starter: added startup, " + d.label() + " (everything applied)");
        line("");
        line("The example service (`examples/spring-boot-app`: web, JDBC, actuator, Prometheus) started with `java -jar`"
                + " against the up-to-date database, its migration location set to this folder, with the starter and"
                + " with the starter's four auto-configurations excluded, alternating. The figure is Spring Boot's"
                + " own \"process running for\" when it logs \"Started\" (JVM start to a ready context). Without the"
                + " starter nothing opens a connection during startup (HikariCP connects on first use); with it, the"
                + " pool's first connection is part of the added time.");
        line("");
        line("| | median | min–max | n |");
        line("|---|---:|---:|---:|");
        for (String variant : List.of(WITH_STARTER, WITHOUT_STARTER)) {
            r.get(SPRING, d.id(), variant, "process_ms").flatMap(Figure::stats).ifPresent(s -> line("| "
                    + (variant.equals(WITH_STARTER) ? "with the starter (no-op migration at startup)"
                    : "without the starter") + " | " + ms(s.median()) + " | " + ms(s.min()) + "–" + ms(s.max())
                    + " | " + s.count() + " |"));
        }
        Optional<Double> with = r.median(SPRING, d.id(), WITH_STARTER, "process_ms");
        Optional<Double> without = r.median(SPRING, d.id(), WITHOUT_STARTER, "process_ms");
        if (with.isPresent() && without.isPresent()) {
            line("");
            line("Added by the starter: " + ms(with.get() - without.get()) + " (difference of the medians), "
                    + String.format(Locale.ROOT, "%.0f%%", 100 * (with.get() - without.get()) / without.get())
                    + " of the service's startup without it.");
        }
        line("");
    }

    private void jmh() {
        List<Figure> figures = r.all().stream().filter(f -> f.scenario.equals(JMH)).toList();
        if (figures.isEmpty()) {
            return;
        }
        line("### Micro-benchmarks (JMH 1.37, no database)");
        line("");
        line("| benchmark | folder | median | min–max (iterations) |");
        line("|---|---|---:|---:|");
        for (Figure f : figures) {
            f.stats().ifPresent(s -> line("| " + f.tool + " | " + f.dataset + " | " + num(s.median()) + " " + f.unit
                    + (f.unit.equals("ms") ? "/op" : "") + " | " + num(s.min()) + "–" + num(s.max()) + " |"));
        }
        line("");
    }

    /** Issue 21's rows: tenant schemas migrated by one fan-out, and its two targets. */
    private void fanOut() {
        String id = FanOutScenario.DATASET;
        String scenario = FanOutScenario.SCENARIO;
        Optional<Double> p1 = r.median(scenario, id, "parallel-1", "apply_ms");
        Optional<Double> p4 = r.median(scenario, id, "parallel-4", "apply_ms");
        Optional<Double> rerun = r.median(scenario, id, "noop-rerun", "ms");
        Optional<Double> perTarget = r.median(scenario, id, "noop-rerun", "per_target_ms");
        Optional<Double> single = r.median(scenario, id, "single-tenant", "warm_noop_ms");
        if (p1.isEmpty() && p4.isEmpty() && rerun.isEmpty()) {
            return;
        }
        line("### Fan-out: " + FanOutScenario.TENANTS + " tenant schemas × homarr (10 migrations, tenantSchemaFrom"
                + " public), medians");
        line("");
        line("| run | time |");
        line("|---|---:|");
        line("| apply from empty, `--parallel 1` | " + opt(p1) + " |");
        line("| apply from empty, `--parallel 4` | " + opt(p4) + " |");
        line("| no-op rerun over all tenants, `--parallel 4` | " + opt(rerun) + " |");
        line("| no-op rerun, per tenant | " + opt(perTarget) + " |");
        line("| one tenant's warm no-op | " + opt(single) + " |");
        line("");
        target("`--parallel 4` applies ≥ 1.5× faster than `--parallel 1`", p1, p4, x -> x >= 1.5);
        target("no-op rerun per tenant ≤ 2× one tenant's warm no-op", perTarget, single, x -> x <= 2);
        line("");
    }

    private void targets(List<Dataset> generated) {
        if (generated.isEmpty()) {
            return;
        }
        String id = generated.get(generated.size() - 1).id();
        line("### Targets (" + id + ", medians of this run)");
        line("");
        Optional<Double> cold = r.median(NOOP, id, DM, "cold_ms");
        Optional<Double> floor = r.median(NOOP, id, JDBC, "cold_ms");
        Optional<Double> flyway = r.median(NOOP, id, FLYWAY, "cold_with_load_ms");
        Optional<Double> warm = r.median(NOOP, id, DM, "pooled_ms");
        Optional<Double> ormWarm = r.median(NOOP, id, DRIZZLE_ORM, "warm_ms");
        Optional<Double> ormCold = r.median(NOOP, id, DRIZZLE_ORM, "cold_ms");
        Optional<Double> apply = r.median(APPLY, id, DM, "ms");
        Optional<Double> applyFloor = r.median(APPLY, id, JDBC, "ms");
        Optional<Double> applyOrm = r.median(APPLY, id, DRIZZLE_ORM, "ms");
        target("no-op cold within 1.2× of the JDBC connect+query floor", cold, floor, x -> x <= 1.2);
        target("no-op cold ≥ 3× faster than Flyway load()+migrate()", flyway, cold, x -> x >= 3);
        target("no-op warm (open connection) faster than drizzle-orm's warm call (pooled connection)", warm, ormWarm,
                x -> x < 1);
        target("no-op warm (open connection) faster than drizzle-orm's first call in its process", warm, ormCold,
                x -> x < 1);
        target("apply within 1.1× of the JDBC apply floor", apply, applyFloor, x -> x <= 1.1);
        target("apply faster than drizzle-orm's migrator", apply, applyOrm, x -> x < 1);
        line("");
    }

    private void target(String what, Optional<Double> a, Optional<Double> b,
            java.util.function.DoublePredicate met) {
        if (a.isEmpty() || b.isEmpty()) {
            line("- " + what + ": not measured");
            return;
        }
        double x = a.get() / b.get();
        line("- " + what + ": " + ms(a.get()) + " / " + ms(b.get()) + " = " + String.format(Locale.ROOT, "%.2f×", x)
                + " → **" + (met.test(x) ? "met" : "missed") + "**");
    }

    private void errors() {
        List<Figure> failed = r.all().stream().filter(f -> !f.errors.isEmpty()).toList();
        if (failed.isEmpty()) {
            return;
        }
        line("### Failed runs");
        line("");
        for (Figure f : failed) {
            line("- " + f.scenario + " " + f.dataset + " " + f.tool + ": " + String.join("; ", f.errors));
        }
        line("");
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    static String ms(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", v / 1000);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f ms" : "%.1f ms", v);
    }

    static String us(double ms) {
        return Math.abs(ms) >= 1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.0f µs", ms * 1000);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String opt(Optional<Double> v) {
        return v.map(MarkdownReport::ms).orElse("–");
    }

    private static String ratio(double v, Optional<Double> ref) {
        if (ref.isEmpty() || ref.get() <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f×", v / ref.get());
    }
}
