package io.migratewatch.watch;

import io.migratewatch.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-watch start} as a real process, killed with SIGKILL while it folds a change into its open migration
 * and while it creates a new one: after the new text is staged and before the backup (the backup waits for a lock on
 * the table), during the backup, in the middle of the apply (its transaction waits on the history table), after the
 * commit and before the file is moved into place (a proxy keeps the server's answer to the COMMIT from the daemon),
 * and at random moments. Each time the next daemon starts, reconciles what the killed one left, and applies the next
 * save normally.
 */
class DaemonKillTest {

    @TempDir
    Path project;

    private TestDatabase db;
    private CommitHoldingProxy proxy;
    private RealDaemon daemon;
    /** Whether each fault hits a new migration (the migrations are committed before it) rather than a fold. */
    private boolean creates;
    private int faults;
    /** Kills after which the next daemon applied the next save normally; the others left it stuck. */
    private int recovered;

    @AfterEach
    void cleanUp() {
        if (daemon != null) {
            daemon.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aDaemonKilledAtAnyPointOfAFoldIsNeverStuck() throws Exception {
        start("kill");
        try {
            killAfterStaging();
            killDuringTheBackup();
            killDuringTheApply();
            killAfterTheCommit();
            Random random = new Random(42);
            for (int i = 0; i < 6; i++) {
                killAfter(random.nextInt(1500));
            }
        } finally {
            figure("a fold");
        }
        assertThat(recovered).isEqualTo(faults);
    }

    @Test
    void aDaemonKilledAtAnyPointOfANewMigrationIsNeverStuck() throws Exception {
        start("killnew");
        creates = true;
        try {
            killAfterStaging();
            killDuringTheBackup();
            killDuringTheApply();
            killAfterTheCommit();
            Random random = new Random(7);
            for (int i = 0; i < 3; i++) {
                killAfter(random.nextInt(1500));
            }
        } finally {
            figure("a new migration");
        }
        assertThat(recovered).isEqualTo(faults);
    }

    private void start(String label) throws Exception {
        db = TestDatabase.create(label);
        proxy = new CommitHoldingProxy(db.url().host(), db.url().port());
        daemon = new RealDaemon(project, db, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.url().database(),
                "backup.engine = builtin");
        daemon.startWithNoteAndCustomer();
        // enough rows that the backup before each change takes a moment
        db.execute("INSERT INTO customer (name) SELECT 'n' || i FROM generate_series(1, 100000) i");
    }

    private void figure(String what) {
        long reconciled = daemon.linesSince(0).stream().filter(l -> l.startsWith("↺ Reconciled") || l.startsWith("Removed migrations/")).count();
        System.out.println("Daemon faults (SIGKILL of a real daemon process during " + what + "): " + faults + " faults injected, "
                + (faults - recovered) + " stuck daemons, " + reconciled + " files reconciled or removed at start-up");
    }

    /** Saves a new field: a fold into the open migration, or with {@link #creates} a new migration. */
    private void save(String field) throws Exception {
        if (creates) {
            daemon.commitMigrations();
        }
        daemon.save(field);
    }

    private void killAfterStaging() throws Exception {
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            // the backup reads every table; the plan before it proves the change on customer alone
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE note IN ACCESS EXCLUSIVE MODE");
            Map<String, String> files = daemon.migrationFiles();
            save("after_staging");
            daemon.waitFor(() -> !daemon.staged().isEmpty() && daemon.backupWaitsForNote(), "the new text staged and the backup waiting");
            assertThat(daemon.migrationFiles()).isEqualTo(files);
            assertThat(daemon.columns(daemon.lastField())).isZero();
            kill();
            blocker.rollback();
        }
        restartAndCheck();
    }

    private void killDuringTheBackup() throws Exception {
        save("during_backup");
        daemon.waitFor(daemon::copies, "the daemon backs up");
        kill();
        restartAndCheck();
    }

    private void killDuringTheApply() throws Exception {
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            // the change's statements run, then its history write waits: the daemon is killed inside its transaction
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE migrate_watch_history IN SHARE MODE");
            save("during_apply");
            daemon.waitFor(() -> daemon.waitsOnLock((creates ? "INSERT" : "UPDATE") + " %migrate_watch_history%"), "the daemon applies");
            assertThat(daemon.staged()).as("the new text waits under a temporary name").isNotEmpty();
            kill();
            blocker.rollback();
        }
        restartAndCheck();
    }

    private void killAfterTheCommit() throws Exception {
        Map<String, String> files;
        try (Connection blocker = db.connect(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE migrate_watch_history IN SHARE MODE");
            files = daemon.migrationFiles();
            save("after_commit");
            daemon.waitFor(() -> daemon.waitsOnLock((creates ? "INSERT" : "UPDATE") + " %migrate_watch_history%"), "the daemon applies");
            // the next COMMIT the server answers is the change's
            proxy.holdNextCommit();
            blocker.rollback();
        }
        assertThat(proxy.awaitHeld(60)).as("the change is committed").isTrue();
        assertThat(daemon.columns(daemon.lastField())).as("the database has the change").isEqualTo(1);
        assertThat(daemon.migrationFiles()).as("its file is not in place yet").isEqualTo(files);
        assertThat(daemon.staged()).hasSize(1);
        kill();
        int seen = daemon.lines();
        restartAndCheck();
        List<String> said = daemon.linesSince(seen);
        assertThat(said).anyMatch(l -> l.startsWith("Removed migrations/."));
        assertThat(said).anyMatch(l -> l.startsWith("↺ Reconciled migrations/")
                && l.contains(creates ? "written from the history" : "put back the SQL that was applied"));
    }

    private void killAfter(int millis) throws Exception {
        save("after_" + millis + "ms");
        Thread.sleep(millis);
        kill();
        restartAndCheck();
    }

    private void kill() throws InterruptedException {
        faults++;
        daemon.kill();
    }

    /** The next daemon reconciles what the killed one left, and the next save is applied without drift. */
    private void restartAndCheck() throws Exception {
        int seen = daemon.lines();
        daemon.start();
        // whatever the killed run did not finish, the new daemon's start-up finishes
        daemon.awaitLastFieldApplied("the change the killed daemon was applying is applied");
        Thread.sleep(500);
        int before = daemon.lines();
        daemon.save("next_" + daemon.fieldCount());
        daemon.awaitLastFieldApplied("the next save is applied");
        daemon.awaitLine(before, "✓ Migration applied");
        assertThat(daemon.linesSince(seen)).as("after the kill").noneMatch(l -> l.contains("drift") || l.startsWith("✗"));
        daemon.assertFilesAgreeWithHistory();
        assertThat(daemon.staged()).isEmpty();
        recovered++;
    }
}
