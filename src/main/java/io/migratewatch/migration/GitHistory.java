package io.migratewatch.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            // one git run in the usual case (a repository with commits); the daemon asks on every fold
            Optional<String> commit = run(dir, "log", "-1", "--format=%H", "--", file.getFileName().toString());
            if (commit.isPresent()) {
                return Optional.of(!commit.get().isEmpty());
            }
            // log fails outside a work tree, and in a repository without any commit yet, where nothing is committed
            Optional<String> inside = run(dir, "rev-parse", "--is-inside-work-tree");
            return inside.isPresent() && inside.get().equals("true") ? Optional.of(false) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What git printed, trimmed, when it succeeded within its time; empty when it failed. */
    private static Optional<String> run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
