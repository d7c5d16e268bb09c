package io.drizzlemigrator.internal.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds migration folders, jars and class loaders for the tests, and hashes bytes independently. */
final class Fixtures {

    private Fixtures() {
    }

    /** Writes {@code content} (UTF-8) to {@code dir/relative}, creating parent folders. */
    static Path write(Path dir, String relative, String content) {
        return write(dir, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String relative, byte[] content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A journal as drizzle-kit 0.31 writes it (two-space indent, no trailing newline). */
    static String journal(String dialect, String... entries) {
        return "{\n  \"version\": \"7\",\n  \"dialect\": \"" + dialect + "\",\n  \"entries\": ["
                + (entries.length == 0 ? "" : "\n" + String.join(",\n", entries) + "\n  ") + "]\n}";
    }

    static String entry(int idx, long when, String tag) {
        return "    {\n      \"idx\": " + idx + ",\n      \"version\": \"7\",\n      \"when\": " + when
                + ",\n      \"tag\": \"" + tag + "\",\n      \"breakpoints\": true\n    }";
    }

    /** A 0.x folder with one {@code <tag>.sql} per tag, {@code when} = 1732000000000 + i * 1000. */
    static Path journalFolder(Path dir, String... tags) {
        String[] entries = new String[tags.length];
        for (int i = 0; i < tags.length; i++) {
            entries[i] = entry(i, 1732000000000L + i * 1000L, tags[i]);
            write(dir, tags[i] + ".sql", "CREATE TABLE \"t" + i + "\" (\"id\" serial PRIMARY KEY);");
        }
        write(dir, "meta/_journal.json", journal("postgresql", entries));
        return dir;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs every file under {@code root} into {@code jar}, with or without directory entries. */
    static Path jar(Path root, Path jar, boolean directoryEntries) {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    if (directoryEntries) {
                        zip.putNextEntry(new JarEntry(name + "/"));
                        zip.closeEntry();
                    }
                } else {
                    zip.putNextEntry(new JarEntry(name));
                    zip.write(Files.readAllBytes(p));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader that sees only {@code roots} (directories or jars), not the test classpath. */
    static URLClassLoader loader(Path... roots) {
        try {
            URL[] urls = new URL[roots.length];
            for (int i = 0; i < roots.length; i++) {
                urls[i] = roots[i].toUri().toURL();
            }
            return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> tags(LoadedFolder folder) {
        return folder.migrations().stream().map(MigrationFile::tag).toList();
    }
}
