package io.drizzlemigrator.internal.sql;

import io.drizzlemigrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the lexer gives for an input, written as lines of a golden file ({@code golden/lexer/<name>.txt} among the
 * test resources): the lexer's output frozen when its reference copies were retired, so that changes to its code
 * can be checked against what it gave before.
 *
 * <p>For each input, a header line {@code == <name> input <digest> tokens <digest>} (the digest of its text, and of
 * every token {@code tokenize} gives, or the error), then a line per statement of {@code split}:
 * {@code <line>:<column> <kind> tx|no-tx <digest>}, the statement's position, its {@link StatementKind}, whether it
 * may run in a transaction, and a digest of everything else about it (text, offset, {@code isEmpty}, the
 * classification's description, and each token's type, text, offset, line and column); a failed split is one line
 * {@code ! <offset> <message>}. For a migration file, a line per piece between {@code --> statement-breakpoint}
 * markers follows, split where it starts as the migrator splits it: {@code p <line>:<column> <statements> <digest>}.
 * Digests are the first 8 hex digits of a SHA-256.
 *
 * <p>Written by {@link #main}, from the repository root after {@code mvn -o -q -pl core test-compile} (it needs
 * {@code python3} for the generated folder):
 * <pre>
 * java -cp core/target/classes:core/target/test-classes io.drizzlemigrator.internal.sql.LexerGolden \
 *     core/src/test/resources/golden/lexer
 * </pre>
 * Regenerate them only for an intended change of the lexer's output, and say so in the commit.
 */
final class LexerGolden {

    static final String GENERATED = "generated-1000-seed-7";
    static final String FIXTURES = "fixtures";
    private static final String BREAKPOINT = "--> statement-breakpoint";
    private static final HexFormat HEX = HexFormat.of();

    /** One input: a name for messages and its text; {@code migration}: also split piece by piece. */
    record Input(String name, String text, boolean migration) {
    }

    /**
     * Hand-written inputs whose splitting is easy to get wrong once {@code split} skips text without making tokens:
     * what decides a string's kind or a dollar sign's meaning (the token before), what plain skipping stops at, the
     * words that keep a statement lexed token by token, and unterminated constructs. Each is split as a whole text
     * and as a text that starts at line 3, column 7.
     */
    static final List<String> FIXTURE_TEXTS = List.of(
            "ALTER x 1.e5e'\\';' ; SELECT 2;", "ALTER x 1.5e'\\';'; SELECT 2;", "ALTER x 1e-5e'\\';'; SELECT 2;",
            "ALTER x 1e+5E'\\';'; SELECT 2;", "ALTER x 0x1e'\\';'; SELECT 2;", "ALTER x 1.e'\\';'; SELECT 2;",
            "ALTER x.e'\\';'; SELECT 2;", "ALTER x +e'\\';'; SELECT 2;", "ALTER ab e'\\';'; SELECT 2;",
            "ALTER abe'\\';'; SELECT 2;", "ALTER x U&'\\';'; SELECT 2;", "ALTER x u&\"a;\"\" ; SELECT 2;",
            "ALTER x x$$;$$; SELECT 2;", "ALTER x 1$$;$$; SELECT 2;", "ALTER x $1;$$; SELECT 2;", "ALTER x a$b$;$b$;",
            "ALTER x .$$;$$;", "ALTER x e$$;$$;", "ALTER x $a$;$a$ $a$;", "ALTER x ($$;$$;) ; SELECT 2;",
            "ALTER x (;) ; SELECT 2;", "ALTER x ); SELECT 2;", "ALTER x -- ;\n; SELECT 2;", "ALTER x -- ;",
            "ALTER x -1-2--;\r; SELECT 2;", "ALTER x /* ; /* ; */ ; */; SELECT 2;", "ALTER x a/b/*;*/; SELECT 2;",
            "ALTER x /* ; ", "ALTER x \"a;", "ALTER x U&\"a;", "ALTER x 'a;", "ALTER x e'a\\';", "ALTER x $$;",
            "ALTER x \"a\"\"b;\"; SELECT 2;", "ALTER x [a,b];c; SELECT 2;", "ALTER x\r\n'a'\r\n'b';\r\nSELECT 2;",
            "ALTER x E'a'\n'\\';'; SELECT 2;", "ALTER x E'a' '\\'; SELECT 2;", "ALTER \uFEFF$$;$$;",
            "\uFEFFSELECT 1;\r\n\uD83D\uDE00 x;", "CREATE OR REPLACE FUNCTION f() BEGIN ATOMIC SELECT 1; END; SELECT 2;",
            "CREATE OR x BEGIN; SELECT 2;", "CREATE x BEGIN; SELECT 2;", "CREATE OR REPLACE x BEGIN; SELECT 2;",
            "create procedure p() begin atomic; end;",
            "CREATE FUNCTION f() BEGIN ATOMIC SELECT CASE WHEN a THEN 1 END; (SELECT 2; END; SELECT 3;",
            "COMMIT; CREATE INDEX CONCURRENTLY i ON t (a); VACUUM; BEGIN; ROLLBACK; ;  -- c\n");

    private LexerGolden() {
    }

    /** Writes every golden file into the folder {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LexerGolden <folder for the golden files>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (String corpus : Corpora.names()) {
            write(out, corpus, folder(Corpora.folder(corpus)));
        }
        Path dir = Files.createTempDirectory("lexer-golden");
        write(out, GENERATED, folder(generate(dir)));
        write(out, FIXTURES, fixtures());
    }

    private static void write(Path out, String name, List<Input> inputs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# lexer output for " + name + ", written by " + LexerGolden.class.getSimpleName()
                + " (its javadoc says what the lines are)");
        for (Input input : inputs) {
            lines.addAll(render(input));
        }
        Files.write(out.resolve(name + ".txt"), lines, StandardCharsets.UTF_8);
        System.out.printf("%s: %d inputs, %d lines%n", name, inputs.size(), lines.size());
    }

    /** The golden lines of one input. */
    static List<String> render(Input input) {
        List<String> lines = new ArrayList<>();
        String text = input.text();
        lines.add("== " + input.name() + " input " + digest(text) + " tokens " + tokensDigest(text));
        if (!input.migration()) {
            lines.addAll(statements(text, 1, 1));
            lines.addAll(statements(text, 3, 7));
            return lines;
        }
        lines.addAll(statements(text, 1, 1));
        int pieceStart = 0;
        while (true) {
            int end = text.indexOf(BREAKPOINT, pieceStart);
            String piece = text.substring(pieceStart, end < 0 ? text.length() : end);
            int[] at = position(text, pieceStart);
            List<String> statements = statements(piece, at[0], at[1]);
            lines.add("p " + at[0] + ":" + at[1] + " " + statements.size() + " " + digest(String.join("\n", statements)));
            if (end < 0) {
                return lines;
            }
            pieceStart = end + BREAKPOINT.length();
        }
    }

    /** The statement lines of {@code split(text, line, column)}, or its error line. */
    private static List<String> statements(String text, int line, int column) {
        List<SqlStatement> statements;
        try {
            statements = SqlLexer.split(text, line, column);
        } catch (SqlSyntaxException e) {
            return List.of(error(e));
        }
        List<String> lines = new ArrayList<>(statements.size());
        for (SqlStatement st : statements) {
            // what looks only at the first tokens comes first, before anything makes them all
            boolean empty = st.isEmpty();
            Classification c = StatementClassifier.classify(st);
            StringBuilder all = new StringBuilder().append(st.offset()).append('|').append(empty).append('|')
                    .append(c.description()).append('|').append(st.text());
            st.tokens().forEach(t -> all.append('|').append(token(t)));
            lines.add(st.line() + ":" + st.column() + " " + c.kind() + " "
                    + (c.kind() == StatementKind.NON_TRANSACTIONAL ? "no-tx" : "tx") + " " + digest(all.toString()));
        }
        return lines;
    }

    private static String tokensDigest(String text) {
        try {
            StringBuilder all = new StringBuilder();
            SqlLexer.tokenize(text).forEach(t -> all.append(token(t)).append('|'));
            return digest(all.toString());
        } catch (SqlSyntaxException e) {
            return digest(error(e));
        }
    }

    private static String token(Token t) {
        return t.type() + "@" + t.offset() + "," + t.line() + "," + t.column() + ":" + t.text();
    }

    private static String error(SqlSyntaxException e) {
        return "! " + e.offset() + " " + e.getMessage();
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line and column (in code points) of {@code offset}, as the migrator positions a piece. */
    private static int[] position(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** Every {@code .sql} file of {@code folder}, by name. */
    static List<Input> folder(Path folder) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path file : s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                inputs.add(new Input(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8),
                        true));
            }
        }
        return inputs;
    }

    static List<Input> fixtures() {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < FIXTURE_TEXTS.size(); i++) {
            inputs.add(new Input("fixture " + i, FIXTURE_TEXTS.get(i), false));
        }
        return inputs;
    }

    /**
     * Writes the benchmarks' 1000-migration folder (seed 7) into {@code dir} with {@link Corpora#generator()}; the
     * folder of its {@code .sql} files.
     */
    static Path generate(Path dir) throws IOException, InterruptedException {
        Path generator = Corpora.generator();
        if (!Files.isRegularFile(generator)) {
            throw new IllegalStateException("no generator at " + generator + " (shared/bench/gen_migrations.py)");
        }
        Path log = dir.resolve("generator.log");
        Process p = new ProcessBuilder("python3", generator.toString(), "1000", dir.toString(), "--seed", "7")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroy();
            throw new IllegalStateException("the generator failed (python3 missing? apt-get install python3): "
                    + Files.readString(log));
        }
        return dir.resolve("drizzle");
    }
}
