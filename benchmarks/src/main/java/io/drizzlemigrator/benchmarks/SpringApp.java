package io.drizzlemigrator.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The example Spring Boot service's executable jar, unpacked once so that every variant starts it the same way: its
 * classes and libraries on a flat class path, plus, for the Flyway variant, Spring Boot's Flyway integration.
 * {@code dir} is where it is unpacked; {@code mainClass} its {@code Start-Class}.
 */
record SpringApp(Path dir, String mainClass) {

    /** Unpacks {@code jar} into {@code dir} (again only when the jar is newer). */
    static SpringApp unpack(Path jar, Path dir) throws IOException {
        String main;
        try (JarFile file = new JarFile(jar.toFile())) {
            main = file.getManifest().getMainAttributes().getValue("Start-Class");
            Path stamp = dir.resolve(".unpacked");
            if (!Files.isRegularFile(stamp) || Files.getLastModifiedTime(stamp).compareTo(
                    Files.getLastModifiedTime(jar)) < 0) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    Path to = dir.resolve(e.getName()).normalize();
                    if (!to.startsWith(dir) || e.isDirectory()) {
                        continue;
                    }
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(e)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.writeString(stamp, jar.toString());
            }
        }
        if (main == null) {
            throw new IllegalStateException(jar + " has no Start-Class: it is not a Spring Boot executable jar");
        }
        return new SpringApp(dir, main);
    }

    /** The service's class path, with {@code extra} (a class path) after it when not null. */
    String classpath(String extra) {
        String cp = dir.resolve("BOOT-INF").resolve("classes") + File.pathSeparator
                + dir.resolve("BOOT-INF").resolve("lib").resolve("*");
        return extra == null ? cp : cp + File.pathSeparator + extra;
    }

    /**
     * Spring Boot's Flyway integration and the Flyway that Boot manages, as a class path: resolved once per run by
     * Maven from {@code benchmarks/boot-flyway/pom.xml} (offline from the local repository, else online once).
     */
    static String bootFlywayClasspath(ProcessRunner runner, Path work) throws IOException {
        Path file = work.resolve("boot-flyway.classpath");
        if (!Files.isRegularFile(file)) {
            Path pom = Harness.findUpwards(Path.of("benchmarks", "boot-flyway", "pom.xml"), "run from inside the"
                    + " project checkout");
            ProcessRunner.Outcome o = runner.run(List.of("mvn", "-o", "-q", "-B", "-f", pom.toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + file), Map.of(), null);
            if (!o.ok() || !Files.isRegularFile(file)) {
                // a fresh machine's local repository lacks them: the same resolution online, once
                o = runner.run(List.of("mvn", "-q", "-B", "-f", pom.toString(), "dependency:build-classpath",
                        "-Dmdep.outputFile=" + file), Map.of(), null);
            }
            if (!o.ok() || !Files.isRegularFile(file)) {
                throw new IOException("Maven could not resolve " + pom + " (see the run log): check that Maven"
                        + " reaches its repository, then run: mvn -f " + pom + " dependency:build-classpath");
            }
        }
        return Files.readString(file).trim();
    }
}
