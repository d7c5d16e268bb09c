package io.drizzlemigrator.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The harness's command line. */
record Options(boolean quick, Path out, Path publish, Path chart, List<Integer> sizes, List<String> corpora,
        int noopReps, int applyReps, int corpusReps, boolean jmh, boolean ownServer) {

    static final String USAGE = """
            usage: BenchMain [--quick] [--out DIR] [--publish docs/benchmarks.md] [--chart FILE.png]
                             [--sizes 100,1000] [--corpora all|none|name,...] [--reps N] [--apply-reps N]
                             [--corpus-reps N] [--no-jmh] [--server own|external]
              --quick        N=100, one small corpus, 2 no-op and 1 apply repetition(s), a 1-iteration JMH in-process:
                             checks that the harness works (a few minutes), its timings mean little
              --out DIR      where results go (default benchmarks/results): latest.json, <timestamp>.json,
                             latest.md, the chart and run.log
              --publish F    also replace the generated part of F (between its results markers)
              --chart F      the chart's path (default <out>/benchmarks.png)
              --server own   (default) start a PostgreSQL cluster of the harness's own (initdb, scram-sha-256,
                             TCP with a password), stop and delete it at the end
              --server external  the tests' server (DRIZZLE_TEST_DATABASE_URL, else 127.0.0.1:5432 as postgres)
            """;

    static Options parse(String[] args) {
        boolean quick = false;
        Path out = Path.of("benchmarks", "results");
        Path publish = null;
        Path chart = null;
        String sizes = null;
        String corpora = null;
        Integer noopReps = null;
        Integer applyReps = null;
        Integer corpusReps = null;
        boolean jmh = true;
        boolean ownServer = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--publish" -> publish = Path.of(value(args, ++i, a));
                case "--chart" -> chart = Path.of(value(args, ++i, a));
                case "--sizes" -> sizes = value(args, ++i, a);
                case "--corpora" -> corpora = value(args, ++i, a);
                case "--reps" -> noopReps = positive(value(args, ++i, a), a);
                case "--apply-reps" -> applyReps = positive(value(args, ++i, a), a);
                case "--corpus-reps" -> corpusReps = positive(value(args, ++i, a), a);
                case "--no-jmh" -> jmh = false;
                case "--server" -> {
                    String v = value(args, ++i, a);
                    if (!v.equals("own") && !v.equals("external")) {
                        throw new IllegalArgumentException("--server takes own or external, not " + v);
                    }
                    ownServer = v.equals("own");
                }
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        List<Integer> sizeList = new ArrayList<>();
        for (String s : (sizes != null ? sizes : quick ? "100" : "100,1000").split(",")) {
            sizeList.add(positive(s.trim(), "--sizes"));
        }
        String corporaSpec = corpora != null ? corpora : quick ? "vercel__ai-chatbot" : "all";
        List<String> corpusList = switch (corporaSpec) {
            case "all" -> SharedFolder.corpusNames();
            case "none" -> List.of();
            default -> List.of(corporaSpec.split(","));
        };
        return new Options(quick, out, publish, chart != null ? chart : out.resolve("benchmarks.png"), sizeList,
                corpusList, noopReps != null ? noopReps : quick ? 2 : 11, applyReps != null ? applyReps : quick ? 1 : 7,
                corpusReps != null ? corpusReps : quick ? 1 : 5, jmh, ownServer);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not " + s);
    }
}
