package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon folds only into migrations nobody can have pulled yet: a real git repository decides. */
class GitHistoryTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void gitIsInstalled() throws Exception {
        boolean present;
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "git is not installed");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    @Test
    void aFileOutsideAnyRepositoryHasNoAnswer() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.sql"), "x");

        assertThat(GitHistory.everCommitted(file)).isEmpty();
    }

    @Test
    void aNewFileInARepositoryWithoutCommitsIsNotCommitted() throws Exception {
        git(tmp, "init", "-q");
        Path file = Files.writeString(Files.createDirectories(tmp.resolve("migrations")).resolve("m.sql"), "x");

        assertThat(GitHistory.everCommitted(file)).contains(false);
    }

    @Test
    void onlyACommittedFileCountsAsCommitted() throws Exception {
        git(tmp, "init", "-q");
        Path migrations = Files.createDirectories(tmp.resolve("migrations"));
        Path committed = Files.writeString(migrations.resolve("one.sql"), "x");
        git(tmp, "add", "migrations/one.sql");
        git(tmp, "commit", "-q", "-m", "first");
        Path staged = Files.writeString(migrations.resolve("two.sql"), "y");
        git(tmp, "add", "migrations/two.sql");
        Path untracked = Files.writeString(migrations.resolve("three.sql"), "z");

        assertThat(GitHistory.everCommitted(committed)).contains(true);
        assertThat(GitHistory.everCommitted(staged)).as("staged is not committed").contains(false);
        assertThat(GitHistory.everCommitted(untracked)).contains(false);

        // edited after its commit: it was still committed once, so others may have it
        Files.writeString(committed, "changed");
        assertThat(GitHistory.everCommitted(committed)).contains(true);
    }
}
