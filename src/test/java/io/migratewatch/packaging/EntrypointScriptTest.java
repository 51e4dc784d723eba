package io.migratewatch.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daemon/docker-entrypoint.sh, the image's entrypoint and the command of its health check, run with bash as the
 * container runs it, on a stand-in jar that reports the arguments and JVM options it received.
 */
class EntrypointScriptTest {

    private static final Path SCRIPT = Path.of("daemon/docker-entrypoint.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exitCode, String output) {
    }

    private Path echoJar() throws IOException {
        Path jar = tmp.resolve("migrate-watch.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, EchoMain.class.getName());
        String entry = EchoMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             InputStream classFile = EchoMain.class.getResourceAsStream("/" + entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jarOut);
            jarOut.closeEntry();
        }
        return jar;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().remove("MIGRATE_WATCH_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void theArgumentsReachTheJarAsGiven() throws Exception {
        Run run = run(Map.of("MIGRATE_WATCH_JAR", echoJar().toString()), "generate", "add customer phone", "--allow-destructive");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("args=generate|add customer phone|--allow-destructive");
        assertThat(run.output()).containsPattern("jvm=.*-XX:\\+UseSerialGC.*-Xmx256m");
    }

    @Test
    void theDaemonShortCommandsAndGenerateKeepTheQuickCompilerAndDeployGetsTheFullOneAsTheLauncherDoes() throws Exception {
        String jar = echoJar().toString();

        assertThat(run(Map.of("MIGRATE_WATCH_JAR", jar), "start").output())
                .contains("-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:ReservedCodeCacheSize=48m").contains("args=start");
        assertThat(run(Map.of("MIGRATE_WATCH_JAR", jar), "--config", "start", "--database-url", "postgres://h/db", "start").output())
                .as("an option's value that reads like a command is not the command").contains("-XX:TieredStopAtLevel=1");
        assertThat(run(Map.of("MIGRATE_WATCH_JAR", jar), "deploy", "--json").output())
                .contains("-XX:TieredStopAtLevel=4", "-Xmx256m").doesNotContain("TieredStopAtLevel=1");
        assertThat(run(Map.of("MIGRATE_WATCH_JAR", jar), "--quiet", "status", "--check").output())
                .as("the health check").contains("-XX:TieredStopAtLevel=1").doesNotContain("TieredStopAtLevel=4");
        assertThat(run(Map.of("MIGRATE_WATCH_JAR", jar), "--config", "start", "generate", "start dates").output())
                .contains("-XX:TieredStopAtLevel=1").doesNotContain("TieredStopAtLevel=4")
                .contains("args=--config|start|generate|start dates");
    }

    @Test
    void theExitCodeOfTheCommandIsTheScriptsSoTheHealthCheckSeesIt() throws Exception {
        Run run = run(Map.of("MIGRATE_WATCH_JAR", echoJar().toString()), "exit", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run(Map.of("MIGRATE_WATCH_JAR", echoJar().toString()), "exit", "3").exitCode()).isEqualTo(3);
    }

    @Test
    void migrateWatchJavaOptsReplacesTheDefaultOptions() throws Exception {
        Run run = run(Map.of("MIGRATE_WATCH_JAR", echoJar().toString(), "MIGRATE_WATCH_JAVA_OPTS", "-Xmx64m -Dx=1"), "status");

        assertThat(run.output()).contains("args=status").containsPattern("jvm=.*-Xmx64m -Dx=1").doesNotContain("UseSerialGC");
    }

    @Test
    void aMissingJarIsAClearErrorWithExitTwo() throws Exception {
        Path missing = tmp.resolve("nowhere/migrate-watch.jar");

        Run run = run(Map.of("MIGRATE_WATCH_JAR", missing.toString()), "start");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("migrate-watch: " + missing
                + " does not exist: build the image with daemon/Dockerfile, or set MIGRATE_WATCH_JAR to the jar");
    }
}
