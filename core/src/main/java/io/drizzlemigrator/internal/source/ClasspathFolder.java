package io.drizzlemigrator.internal.source;

import io.drizzlemigrator.MigrationSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A migration folder on the classpath ({@code classpath:drizzle/migrations}). Files are read by name through the
 * class loader; only the 1.0 layout, which has no journal to name its files, lists the one directory behind the
 * folder's resource URL ({@code file:} or {@code jar:}). Nothing else on the classpath is scanned.
 */
final class ClasspathFolder extends FolderAccess {

    private final String location;
    private final String base;
    private final ClassLoader loader;

    ClasspathFolder(String location, String path, ClassLoader loader) {
        this.location = location;
        this.loader = loader;
        String trimmed = path.strip();
        int from = 0;
        while (from < trimmed.length() && trimmed.charAt(from) == '/') {
            from++;
        }
        int to = trimmed.length();
        while (to > from && trimmed.charAt(to - 1) == '/') {
            to--;
        }
        this.base = trimmed.substring(from, to);
        if (base.isEmpty()) {
            throw new MigrationSourceException(null, 0, "location '" + location + "' names no folder: give the "
                    + "resource folder that holds drizzle-kit's output, for example classpath:drizzle/migrations");
        }
    }

    @Override
    String location() {
        return location;
    }

    @Override
    String describe() {
        return location;
    }

    @Override
    boolean exists() {
        return loader.getResource(base) != null;
    }

    @Override
    String notFoundMessage() {
        return "the class loader finds no resource folder " + base + " for location " + location + ": put "
                + "drizzle-kit's `out` folder in the application's resources (for example src/main/resources/"
                + base + "), or check the location; a jar built without directory entries cannot hold a "
                + "drizzle-kit 1.0 folder";
    }

    @Override
    byte[] read(String relative) {
        try (InputStream in = loader.getResourceAsStream(base + "/" + relative)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(relative, describe(), e);
        }
    }

    @Override
    List<String> migrationFolders() {
        URL url = loader.getResource(base);
        if (url == null) {
            throw new MigrationSourceException(null, 0, notFoundMessage());
        }
        try {
            switch (url.getProtocol()) {
                case "file":
                    return listDirectory(Path.of(url.toURI()));
                case "jar":
                    return listJar(url);
                default:
                    throw new MigrationSourceException(null, 0, "cannot list the classpath folder " + base
                            + " of " + location + ": its URL " + url + " is neither file: nor jar:; a drizzle-kit 1.0 "
                            + "folder on this classpath needs a filesystem: location");
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw unlistable(location + " (" + url + ")", e);
        }
    }

    private static List<String> listDirectory(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(MigrationFolderReader.MIGRATION_SQL))) {
                    names.add(child.getFileName().toString());
                }
            }
        }
        return names;
    }

    private List<String> listJar(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("the jar: URL's connection is a " + connection.getClass().getName());
        }
        jarConnection.setUseCaches(false);
        String entryName = jarConnection.getEntryName();
        String prefix = entryName == null || entryName.isEmpty() ? ""
                : entryName.endsWith("/") ? entryName : entryName + "/";
        String suffix = "/" + MigrationFolderReader.MIGRATION_SQL;
        Set<String> names = new LinkedHashSet<>();
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(suffix)) {
                    String folder = name.substring(prefix.length(), name.length() - suffix.length());
                    if (!folder.isEmpty() && folder.indexOf('/') < 0) {
                        names.add(folder);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    @Override
    List<String> sqlFiles() {
        return List.of();
    }
}
