package io.migratewatch.backup;

import io.migratewatch.MigrateWatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The folder's files, permissions, latest.sql and retention, with small files written as the engines write them. */
class BackupFolderTest {

    @TempDir
    Path tmp;

    private Path write(BackupFolder folder, Instant when) throws IOException {
        folder.prepare();
        String name = folder.freshName(when);
        Path part = folder.part(name);
        try (BackupWriter w = BackupWriter.create(part)) {
            Manifest draft = Manifest.draft(new BackupRequest("public", null, "test", name, when), "builtin", "t", "17", "db", List.of("t"));
            w.start(draft, "-- prologue\n");
            w.body().write("SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
            w.finish(draft.withCounts(List.of(new Manifest.Table("t", 1)), 0));
        }
        return folder.publish(part, name);
    }

    @Test
    void filesAreTheOwnersOnlyAndLatestNamesTheNewest() throws IOException {
        BackupFolder folder = new BackupFolder(tmp.resolve("backups"));
        Instant t = Instant.parse("2026-11-28T20:45:12Z");
        Path first = write(folder, t);
        Path second = write(folder, t); // the same second: a second name

        assertThat(first.getFileName().toString()).isEqualTo("backup_20261128_204512.sql");
        assertThat(second.getFileName().toString()).isEqualTo("backup_20261128_204512_1.sql");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
        assertThat(Files.isSameFile(folder.dir().resolve("latest.sql"), second)).isTrue();
        assertThat(folder.latest()).contains(second);
        assertThat(folder.resolve("latest", tmp)).isEqualTo(second);
        assertThat(folder.resolve("backups/latest.sql", tmp)).isEqualTo(second);
        assertThat(folder.resolve("backup_20261128_204512.sql", tmp)).isEqualTo(first);
        assertThat(folder.list()).extracting(BackupFile::valid).containsOnly(true);
        try (var files = Files.list(folder.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anUnknownFileOrNoLatestIsAClearError() {
        BackupFolder folder = new BackupFolder(tmp.resolve("backups"));
        assertThatThrownBy(() -> folder.resolve("latest", tmp)).isInstanceOf(MigrateWatchException.class).hasMessageContaining("no latest backup");
        assertThatThrownBy(() -> folder.resolve("nope.sql", tmp)).isInstanceOf(MigrateWatchException.class).hasMessageContaining("no backup file nope.sql");
    }

    @Test
    void retentionDeletesOnlyOldOnesBeyondKeep() throws IOException {
        BackupFolder folder = new BackupFolder(tmp.resolve("backups"));
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        Path oldest = write(folder, now.minus(Duration.ofHours(3)));
        Path old = write(folder, now.minus(Duration.ofHours(2)));
        Path recent = write(folder, now.minus(Duration.ofMinutes(30)));
        Path newest = write(folder, now);

        List<Path> deleted = folder.prune(new Retention(2, Retention.ONE_HOUR), now);

        assertThat(deleted).containsExactlyInAnyOrder(oldest, old);
        assertThat(folder.list()).extracting(BackupFile::path).containsExactly(newest, recent);
        assertThat(folder.latest()).contains(newest);
    }

    /**
     * A backup file a killed process left behind goes at the next start; one another process is
     * writing (holding its lock) stays, and so does one this process is writing.
     */
    @Test
    void whatAKilledBackupLeftIsRemovedAndABackupInProgressIsNot() throws Exception {
        BackupFolder folder = new BackupFolder(tmp.resolve("backups"));
        folder.prepare();
        Path killed = Files.writeString(folder.part("backup_20261128_000000.sql"), "-- migrate-watch backup\nhalf of it");
        Path other = folder.part("backup_20261128_000001.sql");
        Path own = folder.part("backup_20261128_000002.sql");
        Path notOurs = Files.writeString(folder.dir().resolve(".notes.part"), "kept");

        // another process writing a backup: a JVM that creates the file as BackupWriter does and holds it
        Path writer = Files.writeString(tmp.resolve("Writer.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Writer {
                    public static void main(String[] a) throws Exception {
                        FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        ch.tryLock();
                        System.out.println("locked");
                        System.in.read();
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), writer.toString(), other.toString())
                .redirectErrorStream(true).start();
        try (BackupWriter w = BackupWriter.create(own)) {
            assertThat(new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("locked");

            assertThat(folder.removeLeftovers()).containsExactly(killed);

            assertThat(killed).doesNotExist();
            assertThat(other).exists();
            assertThat(own).exists();
            assertThat(notOurs).exists();
        } finally {
            p.destroyForcibly().waitFor();
        }
        // its process gone (killed), the other file goes with the next listing
        assertThat(folder.list()).isEmpty();
        assertThat(other).doesNotExist();
        assertThat(notOurs).exists();
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        BackupFolder folder = new BackupFolder(tmp.resolve("backups"));
        folder.prepare();
        Path part = folder.part("backup_20261128_000000.sql");
        try (BackupWriter w = BackupWriter.create(part)) {
            w.start(Manifest.draft(new BackupRequest("public", null, "x", "b", Instant.now()), "builtin", "t", "17", "db", List.of()), "");
            w.body().write(new byte[3 << 20]);
            // no finish(): the dump failed
        }
        assertThat(part).doesNotExist();
        assertThat(folder.list()).isEmpty();
    }
}
