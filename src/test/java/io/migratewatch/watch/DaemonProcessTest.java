package io.migratewatch.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-watch start} as a real process on the embedded database: it applies a new entity,
 * and SIGTERM stops it with exit code 0 and the embedded PostgreSQL stopped.
 */
class DaemonProcessTest {

    @TempDir
    Path project;

    @Test
    void sigtermStopsTheDaemonAndItsEmbeddedDatabaseWithExitZero() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("watcher.conf"), "models.paths = [\"src/main/java\"]\nwatcher.debounce = 300ms\n"
                + "database.embedded.port = " + port + "\nnotify.desktop = false\n");
        Files.writeString(project.resolve("src/main/java/shop/Item.java"), """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Item { @Id private Long id; private String name; }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "start")
                .directory(project.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!seen.toString().contains("✓ Migration applied: create table item") && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    seen.append(line).append('\n');
                }
            }
            assertThat(seen.toString()).contains("Embedded PostgreSQL running at jdbc:postgresql://localhost:" + port,
                    "✓ Migration applied: create table item");
            assertThat(portOpen(port)).isTrue();

            p.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its output)
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            reader.join(30_000);
            List<String> rest = new java.util.ArrayList<>();
            lines.drainTo(rest);
            rest.add(0, seen.toString());
            assertThat(p.exitValue()).as(String.join("\n", rest)).isZero();
            assertThat(String.join("\n", rest)).contains("Stopped watching");
            // the server's last processes may take a moment to let go of the port after the daemon has exited
            long closedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (portOpen(port) && System.nanoTime() < closedBy) {
                Thread.sleep(100);
            }
            assertThat(portOpen(port)).as("the embedded database was stopped").isFalse();
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean portOpen(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
