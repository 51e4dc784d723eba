package io.migratewatch.migration;

import static io.migratewatch.migration.Migrations.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDirectoryTest {

    @TempDir
    Path tmp;

    private static MigrationFile newMigration(String revision, List<String> parents, Instant created, String description) {
        return new MigrationFile(null, revision, parents, description, created, "auto",
                "CREATE TABLE \"t_" + revision + "\" (\"id\" integer);", "DROP TABLE \"t_" + revision + "\";", 0, 0);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingFolderHoldsNoMigrations() {
        MigrationDirectory dir = new MigrationDirectory(tmp.resolve("not-there"));

        assertThat(dir.load()).isEmpty();
        assertThat(dir.graph().isEmpty()).isTrue();
        assertThat(dir.path()).isEqualTo(tmp.resolve("not-there"));
    }

    /** A table name holding a line break and the down marker: the file would not read back, so it is never written. */
    @Test
    void aFileThatWouldNotReadBackIsNeverWritten() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        String name = "\"nl\n-- +down\nx\"";
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "odd name", Instant.parse("2026-08-19T14:30:22Z"), "auto",
                "CREATE TABLE " + name + " (\"id\" integer);", "DROP TABLE " + name + ";", 0, 0);

        assertThatThrownBy(() -> dir.write(m)).isInstanceOf(MigrateWatchException.class)
                .hasMessageContaining("refusing to write 20260819_143022_3f4a5b6c7d8e_odd_name.sql: migrate-watch could not read it back")
                .hasMessageContaining("a second '-- +down' section").hasMessageContaining("Nothing was written");
        assertThat(listing(tmp)).isEmpty();
        assertThat(dir.load()).isEmpty();

        MigrationFile written = dir.write(newMigration("3f4a5b6c7d8f", List.of(), Instant.parse("2026-08-19T14:30:22Z"), "fine"));
        assertThatThrownBy(() -> dir.rewrite(written.withContent("fine", m.up(), m.down())))
                .hasMessageContaining("could not read it back");
        assertThat(dir.load()).containsExactly(written);
    }

    @Test
    void writeCreatesTheFolderAndAFileThatParsesBack() throws IOException {
        Path folder = tmp.resolve("db").resolve("migrations");
        MigrationDirectory dir = new MigrationDirectory(folder);
        MigrationFile m = newMigration("3f4a5b6c7d8e", List.of(), Instant.parse("2026-08-19T14:30:22Z"), "Add user email");

        MigrationFile written = dir.write(m);

        Path expected = folder.resolve("20260819_143022_3f4a5b6c7d8e_add_user_email.sql");
        assertThat(written.path()).isEqualTo(expected);
        assertThat(listing(folder)).containsExactly(expected.getFileName().toString());
        assertThat(Files.readString(expected, StandardCharsets.UTF_8)).isEqualTo(MigrationFileFormat.render(m));
        assertThat(written.revision()).isEqualTo(m.revision());
        assertThat(written.up()).isEqualTo(m.up());
        assertThat(written.down()).isEqualTo(m.down());
        assertThat(written.checksum()).isEqualTo(m.checksum());
        List<String> lines = Files.readAllLines(expected);
        assertThat(lines.get(written.upLine() - 1)).isEqualTo(m.up());
        assertThat(lines.get(written.downLine() - 1)).isEqualTo(m.down());
        assertThat(dir.load()).containsExactly(written);
    }

    @Test
    void writeLeavesNoTemporaryFilesBehind() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        dir.write(newMigration(rev('a'), List.of(), Migrations.T0, "one"));
        dir.write(newMigration(rev('b'), List.of(rev('a')), Migrations.T0.plusSeconds(1), "two"));

        assertThat(listing(tmp)).hasSize(2).allMatch(name -> name.endsWith(".sql") && !name.startsWith("."));
    }

    @Test
    void loadReadsOnlySqlFilesSortedByName() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        MigrationFile c = dir.write(newMigration(rev('c'), List.of(rev('b')), Instant.parse("2026-03-01T00:00:00Z"), "third"));
        MigrationFile a = dir.write(newMigration(rev('a'), List.of(), Instant.parse("2026-01-01T00:00:00Z"), "first"));
        MigrationFile b = dir.write(newMigration(rev('b'), List.of(rev('a')), Instant.parse("2026-02-01T00:00:00Z"), "second"));
        Files.writeString(tmp.resolve("README.md"), "not a migration");
        Files.writeString(tmp.resolve(".migration123.tmp"), "half written");

        List<MigrationFile> loaded = dir.load();

        assertThat(loaded).containsExactly(a, b, c);
        assertThat(dir.graph().heads()).containsExactly(rev('c'));
    }

    @Test
    void aBrokenFileIsNamedWhenLoading() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        dir.write(newMigration(rev('a'), List.of(), Migrations.T0, "fine"));
        Path broken = tmp.resolve("20990101_000000_bbbbbbbbbbbb_broken.sql");
        Files.writeString(broken, "-- migrate-watch migration\n-- revision: bbbbbbbbbbbb\n-- parents: none\n-- +up\nSELECT 1;\n");

        assertThatThrownBy(dir::load)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith(broken + ":")
                .hasMessageContaining("no '-- +down' section");
    }

    @Test
    void anUnknownParentOnDiskIsNamedWhenBuildingTheGraph() {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        MigrationFile orphan = dir.write(newMigration(rev('b'), List.of(rev('a')), Migrations.T0, "orphan"));

        assertThatThrownBy(dir::graph)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith(orphan.path() + ":3: ")
                .hasMessageContaining("unknown parent " + rev('a'));
    }

    @Test
    void writingWhereNoFolderCanBeMadeFailsWithAClearMessage() throws IOException {
        // tests run as root, so a read-only folder would still be writable: a path under a regular file never is
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path folder = file.resolve("migrations");
        MigrationDirectory dir = new MigrationDirectory(folder);

        assertThatThrownBy(() -> dir.write(newMigration(rev('a'), List.of(), Migrations.T0, "nowhere")))
                .isInstanceOf(MigrateWatchException.class)
                .hasMessageStartingWith("cannot write a migration file in " + folder)
                .hasMessageContaining("check that the folder exists, is writable")
                .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void rewriteReplacesAFileWholeAndParsesItBack() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        MigrationFile written = dir.write(newMigration(rev('a'), List.of(), Migrations.T0, "add users"));

        MigrationFile rewritten = dir.rewrite(written.withContent("add users and orders",
                written.up() + "\nCREATE TABLE \"orders\" (\"id\" integer);", "DROP TABLE \"orders\";\n" + written.down()));

        assertThat(rewritten.path().getFileName().toString()).as("the name follows the new description")
                .isEqualTo(written.path().getFileName().toString().replace("add_users", "add_users_and_orders"));
        assertThat(listing(tmp)).containsExactly(rewritten.path().getFileName().toString());
        assertThat(rewritten.revision()).isEqualTo(written.revision());
        assertThat(rewritten.description()).isEqualTo("add users and orders");
        assertThat(rewritten.up()).endsWith("CREATE TABLE \"orders\" (\"id\" integer);");
        assertThat(rewritten.checksum()).isNotEqualTo(written.checksum());
        assertThat(dir.load()).containsExactly(rewritten);
        List<String> lines = Files.readAllLines(rewritten.path());
        assertThat(lines.get(rewritten.downLine() - 1)).isEqualTo("DROP TABLE \"orders\";");
    }

    @Test
    void rewriteOfAFileWhoseFolderIsGoneFailsClearly() {
        MigrationFile ghost = new MigrationFile(tmp.resolve("gone").resolve("x.sql"), rev('a'), List.of(), "ghost", Migrations.T0,
                "auto", "SELECT 1;", "SELECT 2;", 9, 12);

        assertThatThrownBy(() -> new MigrationDirectory(tmp).rewrite(ghost))
                .isInstanceOf(MigrateWatchException.class)
                .hasMessageStartingWith("cannot rewrite " + ghost.path())
                .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void deleteRemovesTheFile() throws IOException {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        MigrationFile a = dir.write(newMigration(rev('a'), List.of(), Migrations.T0, "keep"));
        MigrationFile b = dir.write(newMigration(rev('b'), List.of(rev('a')), Migrations.T0.plusSeconds(1), "drop me"));

        dir.delete(b);
        dir.delete(b);

        assertThat(dir.load()).containsExactly(a);
    }
}
