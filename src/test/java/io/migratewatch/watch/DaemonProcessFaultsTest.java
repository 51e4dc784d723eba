package io.migratewatch.watch;

import io.migratewatch.support.PgDumpServer;
import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-watch start} as a real process whose backup fails for real (pg_dump exits with an error) and whose
 * database sessions are terminated during the backup and during the apply, each on a fold and on a new migration.
 * After each fault the migration files and the database are as before (no drift, no changed file: {@code status}
 * says only that the models changed), and once the cause is gone the change is applied normally.
 */
class DaemonProcessFaultsTest {

    @TempDir
    Path project;

    private TestDatabase db;
    private PgDumpServer pgDumpServer;
    private RealDaemon daemon;
    private int faults;
    /** Faults after which the next save was applied normally; the others left the daemon stuck. */
    private int recovered;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.close();
        }
        if (db != null) {
            db.close();
        }
        if (pgDumpServer != null) {
            pgDumpServer.close();
        }
    }

    @Test
    void aPgDumpThatFailsLeavesFilesAndDatabaseAsTheyWereAndTheNextSaveIsApplied() throws Exception {
        // a server the local pg_dump can dump (pg_dump refuses newer ones): the test server, or this machine's
        pgDumpServer = PgDumpServer.find("pgdumpfails").require();
        db = TestDatabase.existing(pgDumpServer.url());
        Path realPgDump = pgDumpServer.pgDump().executable();
        // a pg_dump that fails while the marker file exists, and is the real one otherwise
        Path marker = project.resolve("disk-full");
        Path script = project.resolve("bin/pg_dump");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" != "--version" ] && [ -e '%s' ]; then
                  echo "pg_dump: error: could not write to output file: No space left on device" >&2
                  exit 1
                fi
                exec '%s' "$@"
                """.formatted(marker, realPgDump), StandardCharsets.UTF_8);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        daemon = new RealDaemon(project, db, db.jdbcUrl(), "backup.engine = pg-dump\nbackup.pg-dump-path = \"" + script + "\"");
        // note's row: each change is backed up first
        daemon.startWithNoteAndCustomer();
        try {
            backupFails(marker, false);
            backupFails(marker, true);
        } finally {
            System.out.println("Daemon faults (real process, pg_dump fails): " + faults + " faults injected, " + (faults - recovered)
                    + " stuck daemons");
        }
        assertThat(recovered).isEqualTo(faults);
        assertThat(daemon.linesSince(0)).as("the backups after the fix were taken by pg_dump").anyMatch(l -> l.contains("pg-dump"));
    }

    @Test
    void aConnectionLostDuringTheBackupOrTheApplyIsRetriedAndTheNextSaveIsApplied() throws Exception {
        db = TestDatabase.create("terminated");
        daemon = new RealDaemon(project, db, db.jdbcUrl(), "backup.engine = builtin");
        daemon.startWithNoteAndCustomer();
        try {
            connectionLost(false, true);
            connectionLost(false, false);
            connectionLost(true, true);
            connectionLost(true, false);
        } finally {
            System.out.println("Daemon faults (real process, sessions terminated during the backup and the apply): " + faults
                    + " faults injected, " + (faults - recovered) + " stuck daemons");
        }
        assertThat(recovered).isEqualTo(faults);
    }

    @Test
    void theMigrationLocksConnectionLostDuringTheBackupIsRetriedLikeAnyLostConnection() throws Exception {
        db = TestDatabase.create("locklost");
        daemon = new RealDaemon(project, db, db.jdbcUrl(), "backup.engine = builtin");
        daemon.startWithNoteAndCustomer();
        int before = daemon.lines();
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE note IN ACCESS EXCLUSIVE MODE");
            daemon.save("email");
            daemon.waitFor(daemon::backupWaitsForNote, "the daemon backs up");
            // the idle session is the one holding the migration lock (the backup's own waits on note)
            assertThat(db.queryStrings("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                    + daemon.sessions() + " AND state = 'idle'")).hasSize(1);
            blocker.rollback();
        }
        daemon.awaitLine(before, "✗ Database unreachable");
        daemon.awaitLine(before, "✓ Database reachable again");
        daemon.awaitLastFieldApplied("the retry applies the change");
        daemon.assertFilesAgreeWithHistory();
    }

    /** A fold, or a new migration, whose pg_dump fails: nothing changes; once the disk has room the next save is applied. */
    private void backupFails(Path marker, boolean create) throws Exception {
        if (create) {
            daemon.commitMigrations();
        }
        Files.writeString(marker, "");
        Map<String, String> files = daemon.files();
        int before = daemon.lines();
        String field = create ? "phone" : "email";
        daemon.save(field);
        faults++;

        String failed = daemon.awaitLine(before, "✗");

        assertThat(failed).contains("pg_dump failed").contains("No space left on device");
        daemon.waitFor(() -> daemon.linesSince(before).stream().anyMatch(l -> l.contains("the daemon tries again at the next save")),
                "the daemon's advice");
        assertThat(daemon.linesSince(before)).as("--no-backup is an option of upgrade and downgrade, not of the daemon")
                .noneMatch(l -> l.contains("--no-backup"));
        assertThat(daemon.linesSince(before)).as("pg_dump's error said once").filteredOn(l -> l.contains("No space left on device"))
                .hasSize(1);
        assertThat(daemon.files()).as("the migrations folder as it was, no staged file").isEqualTo(files);
        assertThat(daemon.columns(field)).isZero();
        daemon.assertFilesAgreeWithHistory();
        assertThat(daemon.status()).as("no drift, no changed file").isEqualTo("MODELS CHANGED");
        Files.delete(marker);
        nextSaveIsApplied(files.size(), create);
        assertThat(daemon.columns(field)).isEqualTo(1);
    }

    /**
     * The daemon's sessions are terminated while it backs up (its first statement waits for a lock the test holds on
     * note) or applies (its history write waits for a lock the test holds): it says the database is unreachable, the
     * files stay as they were, and its retry applies the change once the database answers again.
     */
    private void connectionLost(boolean create, boolean duringTheBackup) throws Exception {
        if (create) {
            daemon.commitMigrations();
        }
        Map<String, String> files = daemon.migrationFiles();
        int before = daemon.lines();
        String field = (create ? "new_" : "fold_") + (duringTheBackup ? "backup" : "apply");
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            // the retry cannot apply the change before the test has looked: the history waits for this lock
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE migrate_watch_history IN SHARE MODE");
            if (duringTheBackup) {
                s.execute("LOCK TABLE note IN ACCESS EXCLUSIVE MODE");
            }
            daemon.save(field);
            daemon.waitFor(duringTheBackup ? daemon::backupWaitsForNote : () -> daemon.waitsOnLock("% %migrate_watch_history%"),
                    duringTheBackup ? "the daemon backs up" : "the daemon applies");
            assertThat(daemon.staged()).as("the new text waits under a temporary name").isNotEmpty();
            faults++;
            assertThat(daemon.terminateSessions()).isPositive();

            daemon.awaitLine(before, "✗ Database unreachable");

            assertThat(daemon.migrationFiles()).as("the migrations folder as it was").isEqualTo(files);
            assertThat(daemon.columns(field)).isZero();
            blocker.rollback();
        }
        int reachable = daemon.lines();
        daemon.awaitLine(before, "✓ Database reachable again");
        daemon.awaitLine(reachable, "✓ Migration applied");
        assertThat(daemon.columns(field)).as("the retry applies the change").isEqualTo(1);
        assertThat(daemon.migrationFiles()).hasSize(files.size() + (create ? 1 : 0));
        nextSaveIsApplied(files.size(), create);
    }

    /**
     * A save after the fault is applied (no failure, no drift), every file's checksum is its history row's, no staged
     * file is left, and status says all is up to date.
     *
     * @param filesBefore how many migration files there were before the fault: a new migration adds one, a fold none
     */
    private void nextSaveIsApplied(int filesBefore, boolean create) throws Exception {
        int before = daemon.lines();
        daemon.save("next_" + daemon.fieldCount());
        daemon.awaitLastFieldApplied("the next save is applied");
        daemon.awaitLine(before, "✓ Migration applied");
        assertThat(daemon.linesSince(before)).noneMatch(l -> l.contains("drift") || l.startsWith("✗"));
        daemon.assertFilesAgreeWithHistory();
        assertThat(daemon.staged()).isEmpty();
        assertThat(daemon.migrationFiles()).hasSize(filesBefore + (create ? 1 : 0));
        assertThat(daemon.status()).isEqualTo("UP TO DATE");
        recovered++;
    }
}
