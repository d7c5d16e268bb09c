package io.drizzlemigrator.internal.sql;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * A quick throughput check of the lexer over a drizzle folder, without JMH (a few seconds per figure): MB/s of UTF-8
 * input, median of timed passes after a warm-up (also by the thread's CPU time, which another process taking the
 * CPU lowers less), for
 * <ul>
 *   <li>{@code split/file}: {@code split} of each {@code .sql} file on its own;</li>
 *   <li>{@code split/joined}: {@code split} of every file joined with a newline (what the JMH {@code lexerSplit}
 *       benchmark splits);</li>
 *   <li>{@code tokenize/joined}: {@code tokenize} of the joined text;</li>
 *   <li>{@code prepare/piece}: what {@code PreparedMigration.prepare} does with the lexer for each file: split each
 *       piece between {@code --> statement-breakpoint} markers at its line and column, then for each statement
 *       {@code isEmpty}, classify it and take the text from its first significant token (as {@code Step.sql()}
 *       cuts it).</li>
 * </ul>
 *
 * <p>Not a test (no {@code Test} in its name); run it from the repository root after {@code mvn -o -q -pl core
 * test-compile}:
 * <pre>
 * python3 /work/shared/bench/gen_migrations.py 1000 /tmp/lexdata
 * java -cp core/target/classes:core/target/test-classes io.drizzlemigrator.internal.sql.LexerThroughput \
 *     /tmp/lexdata/drizzle both
 * </pre>
 * It measures {@link SqlLexer} and {@link StatementClassifier} ({@code current}; the lexer's reference copy it could
 * also measure is gone, its output now frozen in golden files). To compare two versions of the lexer on a machine
 * whose load changes, copy each one's {@code core/target/classes} aside and alternate runs of the two (a JVM each),
 * comparing the medians of several runs; the figures by CPU time suffer least from other processes. Optional third
 * and fourth arguments: warm-up seconds per figure (default 5) and timed passes (default 30); {@code -Donly=split}
 * runs only the figures whose name starts with {@code split}.
 */
final class LexerThroughput {

    private static final String BREAKPOINT = "--> statement-breakpoint";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The lexer (and classifier) under measurement. */
    private interface Lexer {

        List<SqlStatement> split(String text, int line, int column);

        List<Token> tokenize(String text);

        Classification classify(SqlStatement statement);
    }

    private static final Lexer CURRENT = new Lexer() {
        @Override
        public List<SqlStatement> split(String text, int line, int column) {
            return SqlLexer.split(text, line, column);
        }

        @Override
        public List<Token> tokenize(String text) {
            return SqlLexer.tokenize(text);
        }

        @Override
        public Classification classify(SqlStatement statement) {
            return StatementClassifier.classify(statement);
        }
    };

    /** One piece of a file between breakpoint markers, and where it starts in the file. */
    private record Piece(String text, int line, int column) {
    }

    private LexerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LexerThroughput <drizzle folder> current [warm-up s] [passes]");
            System.exit(2);
        }
        List<Lexer> lexers = switch (args[1]) {
            case "current" -> List.of(CURRENT);
            default -> throw new IllegalArgumentException("current, not " + args[1]);
        };
        double warmUpSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 30;

        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                files.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        StringBuilder all = new StringBuilder();
        files.forEach(f -> all.append(f).append('\n'));
        String joined = all.toString();
        long bytes = joined.getBytes(StandardCharsets.UTF_8).length;
        List<Piece> pieces = new ArrayList<>();
        files.forEach(f -> pieces.addAll(pieces(f)));
        System.out.printf("%s: %d files, %d pieces, %d bytes (UTF-8), warm-up %.0f s, %d passes; Java %s%n", args[1],
                files.size(), pieces.size(), bytes, warmUpSeconds, passes, Runtime.version());

        measure("split/file", lexers, bytes, warmUpSeconds, passes, lexer -> {
            long sum = 0;
            for (String f : files) {
                sum += consume(lexer.split(f, 1, 1));
            }
            return sum;
        });
        measure("split/joined", lexers, bytes, warmUpSeconds, passes, lexer -> consume(lexer.split(joined, 1, 1)));
        measure("tokenize/joined", lexers, bytes, warmUpSeconds, passes, lexer -> {
            long sum = 0;
            for (Token t : lexer.tokenize(joined)) {
                sum += t.line() + t.text().length();
            }
            return sum;
        });
        measure("prepare/piece", lexers, bytes, warmUpSeconds, passes, lexer -> {
            long sum = 0;
            for (Piece p : pieces) {
                for (SqlStatement st : lexer.split(p.text(), p.line(), p.column())) {
                    if (st.isEmpty()) {
                        continue;
                    }
                    sum += lexer.classify(st).description().length() + sql(st).length() + st.line();
                }
            }
            return sum;
        });
    }

    private static long consume(List<SqlStatement> statements) {
        long sum = statements.size();
        for (SqlStatement st : statements) {
            sum += st.offset() + st.line() + st.column() + st.text().length();
        }
        return sum;
    }

    /** {@code PreparedMigration.Step.sql()}: the text from the first significant token. */
    private static String sql(SqlStatement statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return statement.text();
        }
        int base = tokens.get(0).offset();
        for (Token t : tokens) {
            if (t.isSignificant()) {
                return statement.text().substring(t.offset() - base);
            }
        }
        return statement.text();
    }

    /** The pieces of a file, positioned as {@code PreparedMigration.prepare} positions them. */
    private static List<Piece> pieces(String sql) {
        List<Piece> out = new ArrayList<>();
        int pieceStart = 0;
        int line = 1;
        int column = 1;
        while (true) {
            int end = sql.indexOf(BREAKPOINT, pieceStart);
            out.add(new Piece(sql.substring(pieceStart, end < 0 ? sql.length() : end), line, column));
            if (end < 0) {
                return out;
            }
            for (int i = pieceStart; i < end + BREAKPOINT.length(); i++) {
                char ch = sql.charAt(i);
                if (ch == '\n' || (ch == '\r' && !(i + 1 < sql.length() && sql.charAt(i + 1) == '\n'))) {
                    line++;
                    column = 1;
                } else if (ch != '\r') {
                    column++;
                }
            }
            pieceStart = end + BREAKPOINT.length();
        }
    }

    private static void measure(String name, List<Lexer> lexers, long bytes, double warmUpSeconds, int passes,
            ToLongFunction<Lexer> pass) {
        String only = System.getProperty("only");
        if (only != null && !name.startsWith(only)) {
            return;
        }
        long sink = 0;
        int[] warmUpPasses = new int[lexers.size()];
        for (int k = 0; k < lexers.size(); k++) {
            long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
            while (System.nanoTime() < warmUpEnd) {
                sink += pass.applyAsLong(lexers.get(k));
                warmUpPasses[k]++;
            }
        }
        double[][] wall = new double[lexers.size()][passes];
        double[][] cpu = new double[lexers.size()][passes];
        for (int i = 0; i < passes; i++) {
            for (int k = 0; k < lexers.size(); k++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += pass.applyAsLong(lexers.get(k));
                long elapsed = System.nanoTime() - t0;
                long cpuElapsed = THREADS.getCurrentThreadCpuTime() - c0;
                wall[k][i] = bytes / 1e6 / (elapsed / 1e9);
                cpu[k][i] = bytes / 1e6 / (Math.max(cpuElapsed, 1) / 1e9);
            }
        }
        for (int k = 0; k < lexers.size(); k++) {
            System.out.printf("  %-16s %-9s median %7.1f MB/s (by CPU time %7.1f)   p10-p90 %6.1f-%6.1f"
                    + "   (%d warm-up passes)%n", name, "current",
                    median(wall[k]), median(cpu[k]), percentile(wall[k], 10), percentile(wall[k], 90),
                    warmUpPasses[k]);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
