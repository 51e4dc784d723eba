package io.migratewatch.migration;

import static io.migratewatch.migration.Migrations.migration;
import static io.migratewatch.migration.Migrations.rev;
import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationStateTest {

    private static final MigrationFile A = migration(rev('a'), List.of(), 0);
    private static final MigrationFile B = migration(rev('b'), List.of(rev('a')), 10);
    private static final MigrationFile C = migration(rev('c'), List.of(rev('b')), 20);
    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(A, B, C));

    private static AppliedMigration applied(MigrationFile m, String checksum) {
        return new AppliedMigration(m.revision(), m.parents(), m.description(), checksum, Migrations.T0, 1, "me@here", "upgrade");
    }

    private static AppliedMigration applied(MigrationFile m) {
        return applied(m, m.checksum());
    }

    @Test
    void nothingAppliedMeansEverythingIsPendingInOrder() {
        MigrationState state = MigrationState.of(GRAPH, List.of());

        assertThat(state.pending()).containsExactly(A, B, C);
        assertThat(state.atHead()).isFalse();
        assertThat(state.current()).isNull();
        assertThat(state.changedFiles()).isEmpty();
        assertThat(state.missingFiles()).isEmpty();
    }

    @Test
    void pendingIsWhatIsNotApplied() {
        MigrationState state = MigrationState.of(GRAPH, List.of(applied(A), applied(B)));

        assertThat(state.pending()).containsExactly(C);
        assertThat(state.atHead()).isFalse();
        assertThat(state.current()).isEqualTo(rev('b'));
        assertThat(state.appliedRevisions()).containsExactlyInAnyOrder(rev('a'), rev('b'));
    }

    @Test
    void allAppliedIsAtHead() {
        MigrationState state = MigrationState.of(GRAPH, List.of(applied(A), applied(B), applied(C)));

        assertThat(state.pending()).isEmpty();
        assertThat(state.atHead()).isTrue();
        assertThat(state.current()).isEqualTo(rev('c'));
        assertThat(state.changedFiles()).isEmpty();
    }

    @Test
    void anAppliedFileWhoseChecksumDiffersHasDrifted() {
        MigrationState state = MigrationState.of(GRAPH, List.of(applied(A), applied(B, "0000000000000000")));

        assertThat(state.changedFiles()).containsExactly(B);
        assertThat(state.pending()).containsExactly(C);
    }

    @Test
    void driftOfTheDaemonsOpenMigrationSaysThatTheDaemonPutsItBack() {
        MigrationFile open = new MigrationFile(Path.of("migrations", "x.sql"), rev('d'), List.of(), "create table t", Migrations.T0,
                MigrationFile.DAEMON, "CREATE TABLE t (id int, name text);", "DROP TABLE t;", 0, 0);
        MigrationState state = MigrationState.of(RevisionGraph.of(List.of(open)), List.of(applied(open, "0000000000000000")));

        org.assertj.core.api.Assertions.assertThatThrownBy(state::requireAppliedFilesUnchanged)
                .hasMessageContaining("CHECKSUM MISMATCH: applied migrations changed since they were applied: x.sql")
                .hasMessageContaining("put back as it was applied when migrate-watch start runs");
        org.assertj.core.api.Assertions.assertThatThrownBy(MigrationState.of(GRAPH, List.of(applied(A, "0000000000000000")))::requireAppliedFilesUnchanged)
                .hasMessageNotContaining("migrate-watch start");
    }

    @Test
    void aPendingFileCannotDrift() {
        MigrationState state = MigrationState.of(GRAPH, List.of(applied(A)));

        assertThat(state.changedFiles()).isEmpty();
    }

    @Test
    void anAppliedRevisionWithoutAFileIsMissing() {
        AppliedMigration gone = new AppliedMigration(rev('9'), List.of(rev('c')), "deleted", "1111111111111111", Migrations.T0, 1,
                "me@here", "upgrade");

        MigrationState state = MigrationState.of(GRAPH, List.of(applied(A), applied(B), applied(C), gone));

        assertThat(state.missingFiles()).containsExactly(gone);
        assertThat(state.pending()).isEmpty();
        assertThat(state.changedFiles()).isEmpty();
    }

    @Test
    void driftAndMissingFilesAreFoundFromRealFilesAndARealHistoryTable(@TempDir Path tmp) throws Exception {
        MigrationDirectory dir = new MigrationDirectory(tmp);
        MigrationFile a = dir.write(new MigrationFile(null, rev('a'), List.of(), "a", Instant.parse("2026-01-01T00:00:00Z"), "auto",
                "CREATE TABLE \"a\" (\"id\" integer);", "DROP TABLE \"a\";", 0, 0));
        MigrationFile b = dir.write(new MigrationFile(null, rev('b'), List.of(rev('a')), "b", Instant.parse("2026-01-02T00:00:00Z"),
                "auto", "CREATE TABLE \"b\" (\"id\" integer);", "DROP TABLE \"b\";", 0, 0));
        dir.write(new MigrationFile(null, rev('c'), List.of(rev('b')), "c", Instant.parse("2026-01-03T00:00:00Z"), "auto",
                "CREATE TABLE \"c\" (\"id\" integer);", "DROP TABLE \"c\";", 0, 0));
        HistoryTable history = new HistoryTable("public", "migrate_watch_history");
        try (TestDatabase db = TestDatabase.create("state"); Connection c = db.connect(); Connection own = db.connect();
             AdvisoryLock.Held lock = new AdvisoryLock("public", Duration.ofSeconds(5)).acquire(own)) {
            MigrationRunner runner = new MigrationRunner(history, lock);
            runner.run(c, a, Direction.UP, "upgrade");
            runner.run(c, b, Direction.UP, "upgrade");

            MigrationState fresh = MigrationState.of(dir.graph(), history.applied(c));
            assertThat(fresh.pending()).extracting(MigrationFile::revision).containsExactly(rev('c'));
            assertThat(fresh.changedFiles()).isEmpty();
            assertThat(fresh.missingFiles()).isEmpty();
            assertThat(fresh.current()).isEqualTo(rev('b'));

            // a reviewer's editor turns the file into CRLF with trailing spaces: not drift
            String text = Files.readString(a.path(), StandardCharsets.UTF_8);
            Files.writeString(a.path(), text.replace("\n", "  \r\n") + "\r\n", StandardCharsets.UTF_8);
            assertThat(MigrationState.of(dir.graph(), history.applied(c)).changedFiles()).isEmpty();

            // someone changes an applied statement: drift
            Files.writeString(b.path(), Files.readString(b.path()).replace("CREATE TABLE \"b\" (\"id\" integer);",
                    "CREATE TABLE \"b\" (\"id\" bigint);"));
            MigrationState edited = MigrationState.of(dir.graph(), history.applied(c));
            assertThat(edited.changedFiles()).extracting(MigrationFile::revision).containsExactly(rev('b'));

            // the newest applied file is deleted (with c, whose parent it is): its row has no file any more
            Files.delete(b.path());
            Files.delete(dir.load().stream().filter(f -> f.revision().equals(rev('c'))).findFirst().orElseThrow().path());
            MigrationState deleted = MigrationState.of(dir.graph(), history.applied(c));
            assertThat(deleted.missingFiles()).extracting(AppliedMigration::revision).containsExactly(rev('b'));
            assertThat(deleted.changedFiles()).isEmpty();
            assertThat(deleted.pending()).isEmpty();
        }
    }
}
