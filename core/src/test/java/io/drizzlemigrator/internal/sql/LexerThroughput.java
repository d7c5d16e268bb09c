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
 * input, median and best of timed passes after a warm-up (and the median by the thread's CPU time, which another
 * process taking the CPU does not lower as much), for
 * <ul>
 *   <li>{@code split/file}: {@code split} of each {@code .sql} file on its own;</li>
 *   <li>{@code split/joined}: {@code split} of every file joined with a newline (what the JMH {@code lexerSplit}
 *       benchmark splits);</li>
 *   <li>{@code tokenize/joined}: {@code tokenize} of the joined text;</li>
 *   <li>{@code prepare/piece}: what {@code PreparedMigration.prepare} does with the lexer for each file: split each
 *       piece between {@code --> statement-breakpoint} markers at its line and column, then for each statement
 *       {@code isEmpty}, {@code StatementClassifier.classify} and the text from the first significant token (as
 *       {@code Step.sql()} cuts it).</li>
 * </ul>
 *
 * <p>Not a test (no {@code Test} in its name); run it from the repository root after {@code mvn -o -q -pl core
 * test-compile}, once per implementation (separate JVMs, so that neither one's profile shapes the other's code):
 * <pre>
 * python3 /work/shared/bench/gen_migrations.py 1000 /tmp/lexdata
 * java -cp core/target/classes:core/target/test-classes io.drizzlemigrator.internal.sql.LexerThroughput \
 *     /tmp/lexdata/drizzle current      # or: reference (the lexer before this change, ReferenceLexer)
 * </pre>
 * Optional third and fourth arguments: warm-up seconds (default 5) and timed passes (default 30);
 * {@code -Donly=split} runs only the figures whose name starts with {@code split}.
 */
final class LexerThroughput {

    private static final String BREAKPOINT = "--> statement-breakpoint";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The lexer under measurement. */
    private interface Lexer {

        List<SqlStatement> split(String text, int line, int column);

        List<Token> tokenize(String text);
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
    };

    private static final Lexer REFERENCE = new Lexer() {
        @Override
        public List<SqlStatement> split(String text, int line, int column) {
            return ReferenceLexer.split(text, line, column);
        }

        @Override
        public List<Token> tokenize(String text) {
            return ReferenceLexer.tokenize(text);
        }
    };

    /** One piece of a file between breakpoint markers, and where it starts in the file. */
    private record Piece(String text, int line, int column) {
    }

    private LexerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LexerThroughput <drizzle folder> current|reference [warm-up s] [passes]");
            System.exit(2);
        }
        Lexer lexer = switch (args[1]) {
            case "current" -> CURRENT;
            case "reference" -> REFERENCE;
            default -> throw new IllegalArgumentException("current or reference, not " + args[1]);
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
        System.out.printf("%s: %d files, %d pieces, %.2f MB (UTF-8), warm-up %.0f s, %d passes; %s%n", args[1],
                files.size(), pieces.size(), bytes / 1e6, warmUpSeconds, passes, Runtime.version());

        measure("split/file", bytes, warmUpSeconds, passes, ignored -> {
            long sum = 0;
            for (String f : files) {
                sum += consume(lexer.split(f, 1, 1));
            }
            return sum;
        });
        measure("split/joined", bytes, warmUpSeconds, passes, ignored -> consume(lexer.split(joined, 1, 1)));
        measure("tokenize/joined", bytes, warmUpSeconds, passes, ignored -> {
            long sum = 0;
            for (Token t : lexer.tokenize(joined)) {
                sum += t.line() + t.text().length();
            }
            return sum;
        });
        measure("prepare/piece", bytes, warmUpSeconds, passes, ignored -> {
            long sum = 0;
            for (Piece p : pieces) {
                for (SqlStatement st : lexer.split(p.text(), p.line(), p.column())) {
                    if (st.isEmpty()) {
                        continue;
                    }
                    sum += StatementClassifier.classify(st).description().length() + sql(st).length() + st.line();
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

    private static void measure(String name, long bytes, double warmUpSeconds, int passes, ToLongFunction<Void> pass) {
        String only = System.getProperty("only");
        if (only != null && !name.startsWith(only)) {
            return;
        }
        long sink = 0;
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int warmUpPasses = 0;
        while (System.nanoTime() < warmUpEnd) {
            sink += pass.applyAsLong(null);
            warmUpPasses++;
        }
        double[] wall = new double[passes];
        double[] cpu = new double[passes];
        for (int i = 0; i < passes; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += pass.applyAsLong(null);
            long elapsed = System.nanoTime() - t0;
            long cpuElapsed = THREADS.getCurrentThreadCpuTime() - c0;
            wall[i] = bytes / 1e6 / (elapsed / 1e9);
            cpu[i] = bytes / 1e6 / (Math.max(cpuElapsed, 1) / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("  %-16s median %7.1f MB/s   best %7.1f MB/s   by thread CPU time: median %7.1f MB/s"
                + "   (%d warm-up passes; sink %d)%n", name, wall[passes / 2], wall[passes - 1], cpu[passes / 2],
                warmUpPasses, sink % 10);
    }
}
