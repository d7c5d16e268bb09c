package io.drizzlemigrator.internal.author;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Asks git whether a file is in a commit. No git, or no repository: it is not. */
final class Git {

    private Git() {
    }

    /** The last commit that has {@code file} (relative to {@code folder}), or null. */
    static String lastCommit(Path folder, String file) {
        ProcessBuilder pb = new ProcessBuilder("git", "log", "-1", "--format=%H", "--", file)
                .directory(folder.toFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
