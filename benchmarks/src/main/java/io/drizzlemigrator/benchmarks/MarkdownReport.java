package io.drizzlemigrator.benchmarks;

import static io.drizzlemigrator.benchmarks.Harness.APPLY;
import static io.drizzlemigrator.benchmarks.Harness.CLI;
import static io.drizzlemigrator.benchmarks.Harness.DM;
import static io.drizzlemigrator.benchmarks.Harness.DM_MEMO_OFF;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_KIT;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_ORM;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY_GROUP;
import static io.drizzlemigrator.benchmarks.Harness.JDBC;
import static io.drizzlemigrator.benchmarks.Harness.JDBC_PROCESS;
import static io.drizzlemigrator.benchmarks.Harness.NOOP;
import static io.drizzlemigrator.benchmarks.Harness.PSQL;
import static io.drizzlemigrator.benchmarks.Harness.SPRING;
import static io.drizzlemigrator.benchmarks.Harness.WITHOUT_STARTER;
import static io.drizzlemigrator.benchmarks.Harness.WITH_BOOT_FLYWAY;
import static io.drizzlemigrator.benchmarks.Harness.WITH_STARTER;
import static io.drizzlemigrator.benchmarks.JmhRunner.JMH;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run as Markdown: provenance (commit, server and authentication), then in-process and whole-process figures in
 * separate tables (a ratio only ever divides two figures of the same kind, measured in this run), the real folders,
 * the measurement that decides on the hand-written pieces, scaling, memory, the Spring Boot comparison,
 * micro-benchmarks and the targets, each stated as met or missed with its margin and both medians' ranges.
 */
final class MarkdownReport {

    /** A table row: a figure. */
    private record Row(String label, String tool, String metric) {
    }

    /** A ratio column: the row's median divided by this figure's median (same kind: the caller's duty). */
    private record Ref(String header, String tool, String metric) {
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
        line("Run of " + r.environment.get("finished") + ", mode `" + r.environment.get("mode") + "`, on commit `"
                + r.environment.get("commit") + "`; `core/src/main` or `cli/src/main` modified from it: "
                + r.environment.get("sources_modified") + ".");
        line("");
        line("- Server: PostgreSQL, " + r.environment.get("server") + ". Every tool connects over TCP with this"
                + " password (scram-sha-256 when the pg_hba methods say so).");
        line("- Machine: " + r.environment.get("machine") + "; load average (1/5/15 min) "
                + r.environment.get("loadavg_start") + " at the start, " + r.environment.get("loadavg_end")
                + " at the end.");
        line("- Versions: " + r.environment.get("versions") + ".");
        line("- Repetitions: " + r.environment.get("repetitions") + "; tools alternate within each repetition, the"
                + " starting tool rotating.");
        line("");
        if (chartLink != null) {
            line("![drizzle-migrator and its peers, no-op start and apply-all](" + chartLink + ")");
            line("");
        }
        List<Dataset> generated = datasets.stream().filter(Dataset::generated).toList();
        for (Dataset d : generated) {
            noopTables(d);
        }
        for (Dataset d : generated) {
            applyTables(d);
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

    private void noopTables(Dataset d) {
        String id = d.id();
        line("### No-op start, " + d.label() + " (everything applied)");
        line("");
        line("**In-process: the first call in a fresh process** (JDBC driver and tool loaded by the call, connect"
                + " included).");
        line("");
        table(id, NOOP, List.of(
                new Row("drizzle-migrator `migrate()`", DM, "cold_ms"),
                new Row("JDBC floor: connect + `select 1`", JDBC, "cold_ms"),
                new Row("Flyway `load()`", FLYWAY, "load_ms"),
                new Row("Flyway `migrate()`", FLYWAY, "cold_ms"),
                new Row("Flyway `load()` + `migrate()`", FLYWAY, "cold_with_load_ms"),
                new Row("drizzle-orm `migrate()` (Node)", DRIZZLE_ORM, "cold_ms")),
                List.of(new Ref("× JDBC floor", JDBC, "cold_ms"), new Ref("× drizzle-migrator", DM, "cold_ms")));
        line("**In-process: a warm call on an open (pooled) connection.** Hash memo on: drizzle-migrator takes the hash"
                + " of an unchanged file from its in-JVM memo. Hash memo off: it reads and hashes every file again,"
                + " the work drizzle-orm's second call does; only that row is the same work as drizzle-orm's.");
        line("");
        table(id, NOOP, List.of(
                new Row("drizzle-migrator, hash memo off", DM_MEMO_OFF, "pooled_ms"),
                new Row("drizzle-migrator, hash memo on", DM, "pooled_ms"),
                new Row("drizzle-orm `migrate()`, second call", DRIZZLE_ORM, "warm_ms"),
                new Row("JDBC floor: `select 1`", JDBC, "pooled_ms")),
                List.of(new Ref("× drizzle-orm's second call", DRIZZLE_ORM, "warm_ms"),
                        new Ref("× JDBC floor", JDBC, "pooled_ms")));
        line("**In-process: a warm call that opens a new connection** (second call in the process).");
        line("");
        table(id, NOOP, List.of(
                new Row("drizzle-migrator, hash memo off", DM_MEMO_OFF, "warm_ms"),
                new Row("drizzle-migrator, hash memo on", DM, "warm_ms"),
                new Row("Flyway `migrate()`", FLYWAY, "warm_ms"),
                new Row("JDBC floor: connect + `select 1`", JDBC, "warm_ms")),
                List.of(new Ref("× JDBC floor", JDBC, "warm_ms")));
        line("**Whole process, start to exit** (what an init container or a CI step waits for).");
        line("");
        table(id, NOOP, List.of(
                new Row("`java -jar drizzle-migrator.jar migrate` (the CLI)", CLI, "process_ms"),
                new Row("JDBC floor process: a JVM that connects, runs `select 1`, exits", JDBC_PROCESS, "process_ms"),
                new Row("`drizzle-kit migrate`", DRIZZLE_KIT, "process_ms")),
                List.of(new Ref("× JDBC floor process", JDBC_PROCESS, "process_ms"),
                        new Ref("× the CLI", CLI, "process_ms")));
        line("**Process start to the first call's return** (a service's start pays this for the tool; the process"
                + " goes on afterwards).");
        line("");
        table(id, NOOP, List.of(
                new Row("drizzle-migrator (JVM)", DM, "process_ms"),
                new Row("JDBC floor (JVM)", JDBC, "process_ms"),
                new Row("Flyway (JVM)", FLYWAY, "process_ms"),
                new Row("drizzle-orm (Node)", DRIZZLE_ORM, "process_ms")),
                List.of(new Ref("× JDBC floor", JDBC, "process_ms"), new Ref("× drizzle-migrator", DM, "process_ms")));
    }

    private void applyTables(Dataset d) {
        String id = d.id();
        line("### Apply all, " + d.label() + ", into an empty database");
        line("");
        line("**In-process**: the migrate call, connect included, in a fresh JVM (Node for drizzle-orm). Fresh database"
                + " each run, tools alternating.");
        line("");
        table(id, APPLY, List.of(
                new Row("drizzle-migrator (one transaction per migration)", DM, "ms"),
                new Row("JDBC floor (same statements, one transaction)", JDBC, "ms"),
                new Row("Flyway `migrate()`", FLYWAY, "ms"),
                new Row("Flyway `migrate()`, `group(true)`", FLYWAY_GROUP, "ms"),
                new Row("Flyway `load()` (reported apart)", FLYWAY, "load_ms"),
                new Row("drizzle-orm `migrate()` (one transaction)", DRIZZLE_ORM, "ms")),
                List.of(new Ref("× JDBC floor", JDBC, "ms"), new Ref("× drizzle-migrator", DM, "ms")));
        line("**Whole process, start to exit.**");
        line("");
        table(id, APPLY, List.of(
                new Row("`java -jar drizzle-migrator.jar migrate` (the CLI)", CLI, "ms"),
                new Row("`psql -1 -f all.sql`", PSQL, "ms"),
                new Row("`drizzle-kit migrate`", DRIZZLE_KIT, "ms")),
                List.of(new Ref("× `psql -1 -f`", PSQL, "ms"), new Ref("× the CLI", CLI, "ms")));
    }

    private void table(String dataset, String scenario, List<Row> rows, List<Ref> refs) {
        StringBuilder header = new StringBuilder("| | median | min–max | n |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (Ref ref : refs) {
            header.append(' ').append(ref.header()).append(" |");
            rule.append("---:|");
        }
        line(header.toString());
        line(rule.toString());
        for (Row row : rows) {
            Optional<Figure> f = r.get(scenario, dataset, row.tool(), row.metric());
            if (f.isEmpty()) {
                continue;
            }
            Optional<Stats> s = f.get().stats();
            if (s.isEmpty()) {
                line("| " + row.label() + " | failed | | 0 |" + " |".repeat(refs.size()));
                continue;
            }
            StringBuilder l = new StringBuilder("| " + row.label() + " | " + ms(s.get().median()) + " | "
                    + range(s.get()) + " | " + s.get().count() + " |");
            for (Ref ref : refs) {
                l.append(' ').append(ratio(s.get().median(), r.median(scenario, dataset, ref.tool(), ref.metric())))
                        .append(" |");
            }
            line(l.toString());
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
        line("No-op, in-process: the warm calls on an open connection; drizzle-orm's is its second call. Apply,"
                + " in-process: the migrate call in a fresh process, connect included.");
        line("");
        line("| folder | migrations | no-op cold | warm, memo on | warm, memo off | drizzle-orm 2nd call "
                + "| memo off × drizzle-orm | apply | JDBC floor apply | drizzle-orm apply | apply × floor "
                + "| apply × drizzle-orm |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Dataset d : corpora) {
            String id = d.id();
            Optional<Double> apply = r.median(APPLY, id, DM, "ms");
            Optional<Double> floor = r.median(APPLY, id, JDBC, "ms");
            Optional<Double> orm = r.median(APPLY, id, DRIZZLE_ORM, "ms");
            Optional<Double> memoOff = r.median(NOOP, id, DM_MEMO_OFF, "pooled_ms");
            Optional<Double> ormWarm = r.median(NOOP, id, DRIZZLE_ORM, "warm_ms");
            line("| " + id + " | " + d.migrations() + " | " + opt(r.median(NOOP, id, DM, "cold_ms")) + " | "
                    + opt(r.median(NOOP, id, DM, "pooled_ms")) + " | " + opt(memoOff) + " | " + opt(ormWarm) + " | "
                    + (memoOff.isPresent() ? ratio(memoOff.get(), ormWarm) : "") + " | " + opt(apply) + " | "
                    + opt(floor) + " | " + opt(orm) + " | " + (apply.isPresent() ? ratio(apply.get(), floor) : "")
                    + " | " + (apply.isPresent() ? ratio(apply.get(), orm) : "") + " |");
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
        slope("no-op warm (open connection, hash memo off), drizzle-migrator", NOOP, DM_MEMO_OFF, "pooled_ms", NOOP,
                JDBC, "pooled_ms", small, large, dn);
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
        line("### Spring Boot: the starter's added startup beside Spring Boot's own Flyway integration, " + d.label()
                + " (everything applied)");
        line("");
        line("The example service (`examples/spring-boot-app`: web, JDBC, actuator, Prometheus), unpacked once and"
                + " started on a flat class path three ways, alternating: with the starter (a no-op migration of this"
                + " drizzle folder), without it (the starter's four auto-configurations excluded: nothing migrates),"
                + " and without it but with Spring Boot's own Flyway integration (`spring-boot-flyway` and the Flyway"
                + " Boot manages on the class path, the same history as a Flyway folder, already applied). The figure"
                + " is Spring Boot's own \"process running for\" when it logs \"Started\" (JVM start to a ready"
                + " context). Without a migration nothing opens a connection during startup (HikariCP connects on"
                + " first use); with either integration the pool's first connection is part of the added time.");
        line("");
        line("| | median | min–max | n | added to the service's startup |");
        line("|---|---:|---:|---:|---:|");
        Optional<Double> without = r.median(SPRING, d.id(), WITHOUT_STARTER, "process_ms");
        for (String variant : List.of(WITHOUT_STARTER, WITH_STARTER, WITH_BOOT_FLYWAY)) {
            String label = switch (variant) {
                case WITH_STARTER -> "with the drizzle-migrator starter";
                case WITH_BOOT_FLYWAY -> "with Spring Boot's Flyway integration";
                default -> "without either";
            };
            stats(SPRING, d.id(), variant, "process_ms").ifPresent(s -> line("| " + label + " | " + ms(s.median())
                    + " | " + range(s) + " | " + s.count() + " | " + (variant.equals(WITHOUT_STARTER)
                    || without.isEmpty() ? "" : ms(s.median() - without.get())) + " |"));
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
        atLeast("`--parallel 4` applies ≥ 1.5× faster than `--parallel 1`",
                stats(scenario, id, "parallel-1", "apply_ms"), stats(scenario, id, "parallel-4", "apply_ms"), 1.5);
        target("no-op rerun per tenant ≤ 2× one tenant's warm no-op", stats(scenario, id, "noop-rerun",
                "per_target_ms"), stats(scenario, id, "single-tenant", "warm_noop_ms"), 2.0);
        line("");
    }

    /**
     * Issue 22's targets, each as met or missed, with the margin (how far the ratio is from its limit, as a share of
     * the limit) and both medians' ranges; "every sample" says whether the verdict also holds comparing the worst
     * sample of ours with the best of the other (the ranges do not overlap), so that a repetition cannot flip it.
     */
    private void targets(List<Dataset> generated) {
        if (generated.isEmpty()) {
            return;
        }
        line("### Targets (medians of this run)");
        line("");
        for (Dataset d : generated) {
            String id = d.id();
            target(id + ": no-op cold in-process ≤ 1.25× the JDBC floor", stats(NOOP, id, DM, "cold_ms"),
                    stats(NOOP, id, JDBC, "cold_ms"), 1.25);
            target(id + ": the CLI's whole process ≤ 1.3× the JDBC floor process", stats(NOOP, id, CLI, "process_ms"),
                    stats(NOOP, id, JDBC_PROCESS, "process_ms"), 1.3);
            target(id + ": the CLI's whole process faster than `drizzle-kit migrate`",
                    stats(NOOP, id, CLI, "process_ms"), stats(NOOP, id, DRIZZLE_KIT, "process_ms"), 1.0);
            atLeast(id + ": Flyway `load()`+`migrate()` ≥ 3× ours (no-op cold in-process)",
                    stats(NOOP, id, FLYWAY, "cold_with_load_ms"), stats(NOOP, id, DM, "cold_ms"), 3.0);
            target(id + ": warm no-op on an open connection, hash memo off, ≤ drizzle-orm's second call",
                    stats(NOOP, id, DM_MEMO_OFF, "pooled_ms"), stats(NOOP, id, DRIZZLE_ORM, "warm_ms"), 1.0);
            target(id + ": apply-all in-process ≤ 1.0× the JDBC floor", stats(APPLY, id, DM, "ms"),
                    stats(APPLY, id, JDBC, "ms"), 1.0);
            target(id + ": apply-all whole process (the CLI) ≤ 1.1× `psql -1 -f`", stats(APPLY, id, CLI, "ms"),
                    stats(APPLY, id, PSQL, "ms"), 1.1);
        }
        Dataset springSet = generated.stream().filter(g -> r.get(SPRING, g.id(), WITH_STARTER, "process_ms")
                .isPresent()).reduce((a, b) -> b).orElse(null);
        if (springSet != null) {
            Optional<Double> without = r.median(SPRING, springSet.id(), WITHOUT_STARTER, "process_ms");
            Optional<Double> with = r.median(SPRING, springSet.id(), WITH_STARTER, "process_ms");
            Optional<Double> flyway = r.median(SPRING, springSet.id(), WITH_BOOT_FLYWAY, "process_ms");
            String what = springSet.id() + ": the Spring Boot starter's added startup ≤ half of Spring Boot's Flyway"
                    + " integration's";
            if (without.isEmpty() || with.isEmpty() || flyway.isEmpty()) {
                line("- " + what + ": not measured");
            } else {
                double ours = with.get() - without.get();
                double theirs = flyway.get() - without.get();
                boolean met = theirs > 0 && ours <= 0.5 * theirs;
                line("- " + what + ": " + ms(ours) + " vs " + ms(theirs) + " (differences of the medians; ranges in the"
                        + " Spring Boot table)" + (theirs > 0 ? " = " + String.format(Locale.ROOT, "%.2f×", ours
                        / theirs) : "") + " → **" + (met ? "met" : "missed") + "**" + (theirs > 0
                        ? margin(ours / theirs, 0.5) : ""));
            }
        }
        for (Dataset d : datasets.stream().filter(g -> !g.generated()).toList()) {
            String id = d.id();
            target(id + ": warm no-op on an open connection, hash memo off, ≤ drizzle-orm's second call",
                    stats(NOOP, id, DM_MEMO_OFF, "pooled_ms"), stats(NOOP, id, DRIZZLE_ORM, "warm_ms"), 1.0);
            target(id + ": apply in-process ≤ 1.1× the JDBC floor", stats(APPLY, id, DM, "ms"),
                    stats(APPLY, id, JDBC, "ms"), 1.1);
        }
        line("");
    }

    /** Met when {@code ours / other ≤ limit}. */
    private void target(String what, Optional<Stats> ours, Optional<Stats> other, double limit) {
        if (ours.isEmpty() || other.isEmpty()) {
            line("- " + what + ": not measured");
            return;
        }
        double x = ours.get().median() / other.get().median();
        boolean met = x <= limit;
        boolean everySample = met ? ours.get().max() <= limit * other.get().min()
                : ours.get().min() > limit * other.get().max();
        line("- " + what + ": " + withRange(ours.get()) + " / " + withRange(other.get()) + " = "
                + String.format(Locale.ROOT, "%.2f×", x) + " → **" + (met ? "met" : "missed") + "**"
                + margin(x, limit) + (everySample ? "; holds for every sample" : "; not for every sample (the"
                + " ranges overlap the limit)"));
    }

    /** Met when {@code other / ours ≥ factor}. */
    private void atLeast(String what, Optional<Stats> other, Optional<Stats> ours, double factor) {
        if (ours.isEmpty() || other.isEmpty()) {
            line("- " + what + ": not measured");
            return;
        }
        double x = other.get().median() / ours.get().median();
        boolean met = x >= factor;
        boolean everySample = met ? other.get().min() >= factor * ours.get().max()
                : other.get().max() < factor * ours.get().min();
        line("- " + what + ": " + withRange(other.get()) + " / " + withRange(ours.get()) + " = "
                + String.format(Locale.ROOT, "%.2f×", x) + " → **" + (met ? "met" : "missed") + "**"
                + String.format(Locale.ROOT, " (limit %.2f×, %s by %.0f%%)", factor, met ? "ahead" : "behind",
                Math.abs(100 * (x - factor) / factor)) + (everySample ? "; holds for every sample"
                : "; not for every sample (the ranges overlap the limit)"));
    }

    /** How far a ratio is from its limit, as a share of the limit. */
    private static String margin(double x, double limit) {
        return String.format(Locale.ROOT, " (limit %.2f×, %s by %.0f%%)", limit, x <= limit ? "within" : "over",
                Math.abs(100 * (x - limit) / limit));
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

    private Optional<Stats> stats(String scenario, String dataset, String tool, String metric) {
        return r.get(scenario, dataset, tool, metric).flatMap(Figure::stats);
    }

    private static String range(Stats s) {
        return ms(s.min()) + "–" + ms(s.max());
    }

    private static String withRange(Stats s) {
        return ms(s.median()) + " (" + range(s) + ")";
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
