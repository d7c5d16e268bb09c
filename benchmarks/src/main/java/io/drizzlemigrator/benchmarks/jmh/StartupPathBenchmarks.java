package io.drizzlemigrator.benchmarks.jmh;

import io.drizzlemigrator.internal.BenchmarkAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The pieces on the startup path, without a database: reading and hashing a drizzle folder (from disk, and from a
 * jar on the classpath as a packaged service reads it), reading it again from disk in the same JVM (unchanged files
 * keep the hash remembered by the first read), and splitting its SQL into statements. The folder is the
 * one in the system property {@value #FOLDER_PROPERTY} (the harness points it at the generated 1000-migration
 * folder).
 */
public class StartupPathBenchmarks {

    /** The drizzle folder read by these benchmarks. */
    public static final String FOLDER_PROPERTY = "drizzle.bench.folder";

    /**
     * The folder: from disk, every file read and hashed on every read as on a process's first (a copy whose files
     * are dated in the future, so that none is ever remembered); from disk as a process reads it again ({@code
     * disk-again}: the folder as generated, long settled); or packaged in a jar on a class loader.
     */
    @State(Scope.Benchmark)
    public static class FolderState {

        @Param({"disk", "disk-again", "classpath-jar"})
        public String source;

        String location;
        ClassLoader loader;
        private Path jar;
        private Path copy;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path folder = folder();
            if (source.equals("disk-again")) {
                location = "filesystem:" + folder;
                return;
            }
            if (source.equals("disk")) {
                copy = Files.createTempDirectory("drizzle-bench-");
                FileTime future = FileTime.fromMillis(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(1));
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.sorted().toList()) {
                        Path target = copy.resolve(folder.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target);
                            Files.setLastModifiedTime(target, future);
                        }
                    }
                }
                location = "filesystem:" + copy;
                return;
            }
            jar = Files.createTempFile("drizzle-bench-", ".jar");
            writeJar(folder, jar, "drizzle/migrations/");
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
            location = "classpath:drizzle/migrations";
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            if (loader instanceof URLClassLoader u) {
                u.close();
            }
            if (jar != null) {
                Files.deleteIfExists(jar);
            }
            if (copy != null) {
                try (Stream<Path> files = Files.walk(copy)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** Every migration's SQL, joined as one text. */
    @State(Scope.Benchmark)
    public static class SqlState {

        String text;

        @Setup(Level.Trial)
        public void setUp() {
            text = sqlText(folder());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int readFolder(FolderState state) {
        return BenchmarkAccess.readFolder(state.location, state.loader);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int lexerSplit(SqlState state) {
        return BenchmarkAccess.statementCount(state.text);
    }

    static Path folder() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        if (folder == null) {
            throw new IllegalStateException("set -D" + FOLDER_PROPERTY + "=<a drizzle migration folder>");
        }
        return Path.of(folder);
    }

    /** The SQL the lexer benchmark splits: every migration of the folder, in journal order, one newline between. */
    public static String sqlText(Path folder) {
        StringBuilder all = new StringBuilder();
        for (String text : BenchmarkAccess.sqlTexts(folder)) {
            all.append(text).append('\n');
        }
        return all.toString();
    }

    /** The size in bytes (UTF-8) of {@link #sqlText(Path)}, to turn the lexer's time into MB/s. */
    public static long sqlBytes(Path folder) {
        return sqlText(folder).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void writeJar(Path folder, Path jar, String prefix) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    jos.putNextEntry(new JarEntry(prefix));
                    jos.closeEntry();
                    continue;
                }
                if (Files.isDirectory(p)) {
                    jos.putNextEntry(new JarEntry(prefix + rel + "/"));
                    jos.closeEntry();
                } else {
                    jos.putNextEntry(new JarEntry(prefix + rel));
                    Files.copy(p, jos);
                    jos.closeEntry();
                }
            }
        }
    }
}
