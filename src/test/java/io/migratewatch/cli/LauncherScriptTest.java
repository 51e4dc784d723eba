package io.migratewatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code daemon/migrate-watch}, run with bash in a copy of the project where {@code java}
 * is a stand-in that prints the options it was given: the daemon and one-shot commands get their own
 * JVM options, and the class-data-sharing archive is written once, then used.
 */
class LauncherScriptTest {

    @TempDir
    Path root;

    private String launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path daemon = Files.createDirectories(root.resolve("daemon"));
        Files.copy(Path.of("daemon/migrate-watch"), daemon.resolve("migrate-watch"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path target = Files.createDirectories(root.resolve("target"));
        if (!Files.exists(target.resolve("migrate-watch.jar"))) {
            Files.writeString(target.resolve("migrate-watch.jar"), "stand-in");
        }
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", daemon.resolve("migrate-watch").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("MIGRATE_WATCH_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    @Test
    void theDaemonTheShortCommandsAndGenerateKeepTheQuickCompilerAndCommandsThatApplyGetTheFullOne() throws Exception {
        assertThat(launch(Map.of(), "--config", "status", "start")).contains("-XX:TieredStopAtLevel=1", "-Xmx256m")
                .endsWith("-jar " + root.resolve("target/migrate-watch.jar") + " --config status start");
        for (String shortCommand : new String[] {"status", "diff", "check", "history"}) {
            assertThat(launch(Map.of(), "--database-url", "postgres://h/db", shortCommand)).contains("-XX:TieredStopAtLevel=1", "-Xmx256m")
                    .doesNotContain("TieredStopAtLevel=4");
        }
        assertThat(launch(Map.of(), "generate", "start using start dates")).contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("TieredStopAtLevel=4");
        assertThat(launch(Map.of(), "upgrade")).contains("-XX:TieredStopAtLevel=4");
        assertThat(launch(Map.of(), "db", "backup")).contains("-XX:TieredStopAtLevel=4");
    }

    @Test
    void theFirstRunOfACommandAfterABuildWritesItsClassArchiveAndLaterRunsUseIt() throws Exception {
        Path archive = root.resolve("target/migrate-watch-status.jsa");
        assertThat(launch(Map.of(), "status")).contains("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off");
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(launch(Map.of(), "status", "--check")).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");
        // another frequent command has its own; the rare ones share one
        assertThat(launch(Map.of(), "diff")).contains("-XX:ArchiveClassesAtExit=" + root.resolve("target/migrate-watch-diff.jsa"));
        assertThat(launch(Map.of(), "history")).contains("-XX:ArchiveClassesAtExit=" + root.resolve("target/migrate-watch.jsa"));
    }

    @Test
    void userOptionsReplaceTheDefaultsAndTheArchive() throws Exception {
        // options of the user's own, none of them touching the heap: they replace every default, the heap's included
        String out = launch(Map.of("MIGRATE_WATCH_JAVA_OPTS", "-XX:+UseParallelGC -Dmigrate-watch.trace=on"), "start");
        assertThat(out).startsWith("-XX:+UseParallelGC -Dmigrate-watch.trace=on -jar")
                .doesNotContain("Tiered", "Archive", "-Xmx", "UseSerialGC");
    }
}
