package io.migratewatch.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks git whether a migration file was ever committed: the daemon folds changes only into a
 * migration nobody else can have yet. Runs {@code git} with argv, never through a shell.
 */
public final class GitHistory {

    private GitHistory() {
    }

    /** True or false when the file is inside a git work tree; empty when git is missing or it is not. */
    public static Optional<Boolean> everCommitted(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Process inside = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--is-inside-work-tree")
                    .redirectErrorStream(true).start();
            String answer = new String(inside.getInputStream().readAllBytes()).trim();
            if (!inside.waitFor(10, TimeUnit.SECONDS) || inside.exitValue() != 0 || !answer.equals("true")) {
                return Optional.empty();
            }
            Process log = new ProcessBuilder("git", "-C", dir.toString(), "log", "-1", "--format=%H", "--",
                    file.getFileName().toString()).redirectErrorStream(true).start();
            String commit = new String(log.getInputStream().readAllBytes()).trim();
            if (!log.waitFor(10, TimeUnit.SECONDS) || log.exitValue() != 0) {
                // a repository without any commit yet answers with an error: nothing is committed
                return Optional.of(false);
            }
            return Optional.of(!commit.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
