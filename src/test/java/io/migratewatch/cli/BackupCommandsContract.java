package io.migratewatch.cli;

import io.migratewatch.config.SettingsLoader;
import io.migratewatch.support.CliRun;
import io.migratewatch.support.DatabaseFingerprint;
import io.migratewatch.workflow.AutoMigrate;
import io.migratewatch.workflow.AutoMigrateOutcome;
import io.migratewatch.workflow.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups, restore and the rollback workflow through the real command line on a real database, for
 * one engine: upgrade and downgrade back up a database holding data and record it, a failing
 * migration names the backup and the command that restores it, {@code db restore} brings schema,
 * data and history back exactly, and a backup that cannot be written applies nothing.
 */
abstract class BackupCommandsContract {

    static final String PASSWORD = "s3cret-pw";

    @TempDir
    Path project;

    /** The JDBC URL with user; the tests add a password, which the (trust) servers ignore. */
    abstract String databaseUrl();

    abstract Connection connect() throws SQLException;

    /** backup.engine for watcher.conf, which is also the name the manifest shows. */
    abstract String engine();

    private String url() {
        return databaseUrl() + "&password=" + PASSWORD;
    }

    @BeforeEach
    void freshProject() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
            s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
        }
        config("");
        Files.createDirectories(project.resolve("src/main/java/shop"));
        entity(CUSTOMER);
    }

    private void config(String extra) throws IOException {
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                migrations.dir = "migrations"
                backup.engine = "%s"
                """.formatted(engine()) + extra);
    }

    private static final String CUSTOMER = """
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                @Column(nullable = false, length = 80) private String name;
                private Integer age;
            }
            """;

    private void entity(String body) throws IOException {
        Files.writeString(project.resolve("src/main/java/shop/Customer.java"), "package shop;\nimport jakarta.persistence.*;\n" + body);
    }

    private CliRun run(String... args) {
        CliRun r = CliRun.in(project, url(), args);
        assertThat(r.out() + r.err()).as("the password never appears").doesNotContain(PASSWORD);
        return r;
    }

    private CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private String text(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Map<String, String> fingerprint() throws SQLException {
        try (Connection c = connect()) {
            return DatabaseFingerprint.of(c, "public");
        }
    }

    private List<Path> backups() throws IOException {
        Path dir = project.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("backup_.*\\.sql")).sorted().toList();
        }
    }

    private List<String> allFiles() throws IOException {
        Path dir = project.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** An applied first migration and rows in its table. */
    private void customersWithData() throws Exception {
        ok("generate", "initial");
        CliRun up = ok("upgrade");
        assertThat(up.out()).contains("Backup skipped: every table is empty");
        sql("INSERT INTO customer (name, age) VALUES ('Ada', 36), ('Zoë 😀', NULL), ('', 0)");
    }

    private Path migration(String revision, String parent, String up, String down) throws IOException {
        Path file = project.resolve("migrations/20990101_000000_" + revision + "_manual.sql");
        Files.writeString(file, """
                -- migrate-watch migration
                -- revision: %s
                -- parents: %s
                -- description: manual
                -- created: 2099-01-01T00:00:00Z
                -- generated: manual

                -- +up
                %s

                -- +down
                %s
                """.formatted(revision, parent, up, down));
        return file;
    }

    private String head() throws SQLException {
        return text("SELECT revision FROM migrate_watch_history ORDER BY installed_rank DESC LIMIT 1");
    }

    @Test
    void upgradeBacksUpADatabaseHoldingDataAndRecordsTheBackup() throws Exception {
        customersWithData();
        assertThat(backups()).isEmpty();
        entity(CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));
        ok("generate", "email");

        CliRun up = ok("upgrade");

        assertThat(backups()).hasSize(1);
        Path backup = backups().get(0);
        String shown = "backups/" + backup.getFileName();
        assertThat(up.out()).containsPattern("Backup: backups/backup_\\d{8}_\\d{6}\\.sql \\(2 tables, 4 rows, [0-9.]+ kB, " + engine() + "\\)")
                .contains("✓ Applied");
        assertThat(text("SELECT backup FROM migrate_watch_history ORDER BY installed_rank DESC LIMIT 1")).isEqualTo(shown);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve("backups")))).isEqualTo("rwx------");
        assertThat(Files.isSameFile(project.resolve("backups/latest.sql"), backup)).isTrue();
        assertThat(Files.readString(backup, StandardCharsets.UTF_8)).doesNotContain(PASSWORD).contains("-- engine:        " + engine());
    }

    @Test
    void noBackupAndBackupEnabledFalseSkipIt() throws Exception {
        customersWithData();
        entity(CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));
        ok("generate", "email");

        assertThat(ok("upgrade", "--no-backup").out()).contains("Backup skipped: --no-backup");
        config("backup.enabled = false\n");
        assertThat(ok("downgrade", "--steps", "1").out()).contains("Backup skipped: backup.enabled = false", "✓ Reverted");
        assertThat(backups()).isEmpty();

        config("");
        CliRun down = ok("downgrade", "--steps", "1", "--allow-destructive"); // the initial migration's down drops the 3 customers
        assertThat(down.out()).contains("Backup: backups/backup_", "✓ Reverted");
        assertThat(backups()).hasSize(1);
    }

    @Test
    void aFailingMigrationNamesTheBackupAndRestoreLatestBringsBackTheStateBeforeIt() throws Exception {
        customersWithData();
        String first = head();
        Map<String, String> before = fingerprint();
        migration("bbbbbbbbbbbb", first, """
                ALTER TABLE "customer" ADD COLUMN "email" varchar(255);

                UPDATE "customer" SET "email" = lower("name") || '@example.com', "age" = NULL;

                INSERT INTO "customer" ("name") VALUES ('added');""", "ALTER TABLE \"customer\" DROP COLUMN \"email\";");
        migration("cccccccccccc", "bbbbbbbbbbbb", "ALTER TABLE \"missing\" ADD COLUMN \"x\" integer;", "SELECT 1;");

        CliRun failed = run("upgrade");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
        Path backup = backups().get(0);
        String shown = "backups/" + backup.getFileName();
        assertThat(failed.err()).contains("_cccccccccccc_manual.sql failed", "rolled back",
                "The backup taken before this upgrade holds the database as it was: " + shown,
                "migrate-watch db restore " + shown, "The 1 migration applied before the failure stays applied.");
        assertThat(head()).isEqualTo("bbbbbbbbbbbb");
        Map<String, String> afterFailure = fingerprint();
        assertThat(afterFailure).isNotEqualTo(before);

        CliRun refused = run("db", "restore", "latest");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("refusing to restore " + shown + " without confirmation", "--yes");
        assertThat(fingerprint()).isEqualTo(afterFailure);

        CliRun restored = ok("db", "restore", "latest", "--yes");

        assertThat(restored.out()).contains("✓ Restored " + shown, "4 rows verified", "at revision " + first, "Safety backup");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(backups()).hasSize(2);

        // the safety backup is the newest now: restoring it undoes the restore
        ok("db", "restore", "backups/latest.sql", "--yes");
        assertThat(fingerprint()).isEqualTo(afterFailure);
    }

    @Test
    void withoutABackupTheAdviceIsADowngradeOfWhatTheRunApplied() throws Exception {
        ok("generate", "initial");
        ok("upgrade");
        String first = head();
        migration("bbbbbbbbbbbb", first, "CREATE TABLE \"extra\" (\"id\" integer);", "DROP TABLE \"extra\";");
        migration("cccccccccccc", "bbbbbbbbbbbb", "ALTER TABLE \"missing\" ADD COLUMN \"x\" integer;", "SELECT 1;");

        CliRun failed = run("upgrade");

        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.err()).contains("No backup was taken (every table is empty).",
                "The 1 migration applied before the failure stays applied.", "migrate-watch downgrade --steps 1");
    }

    @Test
    void dbBackupAndTheList() throws Exception {
        customersWithData();
        String revision = head();

        CliRun taken = ok("db", "backup");
        CliRun list = ok("db", "backups");

        Path backup = backups().get(0);
        assertThat(taken.out()).contains("✓ Backup written: backups/" + backup.getFileName(), "(2 tables, 4 rows,");
        assertThat(list.out()).contains("FILE", "TIME (UTC)", "SIZE", "REVISION", "ENGINE", "TABLES", "ROWS")
                .containsPattern("\\* " + backup.getFileName() + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +[0-9.]+ kB +" + revision + " +"
                        + engine() + " +2 +4");
    }

    @Test
    void retentionKeepsTheNewestAndEverythingFromTheLastHour() throws Exception {
        customersWithData();
        config("backup.keep = 2\n");
        ok("db", "backup");
        ok("db", "backup");
        ok("db", "backup");
        assertThat(backups()).as("all within the hour").hasSize(3);

        // make the two oldest three hours old: the manifest's time is what retention reads
        for (Path p : backups().subList(0, 2)) {
            try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
                String header = Files.readString(p, StandardCharsets.UTF_8);
                int at = header.indexOf("-- created:") + "-- created:".length();
                while (header.charAt(at) == ' ') {
                    at++;
                }
                raf.seek(at);
                raf.write("2000-01-01T00:00:00.000Z".getBytes(StandardCharsets.UTF_8));
            }
        }
        ok("db", "backup");

        List<Path> left = backups();
        assertThat(left).hasSize(2);
        assertThat(Files.isSameFile(project.resolve("backups/latest.sql"), left.get(left.size() - 1))).isTrue();
    }

    @Test
    void aFolderThatCannotBeWrittenStopsTheMigrationBeforeItStarts() throws Exception {
        customersWithData();
        entity(CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));
        ok("generate", "email");
        Path folder = Files.createDirectories(project.resolve("backups"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        if (Files.isWritable(folder) && canWrite(folder)) {
            // root ignores permission bits: a folder under a plain file cannot be written by anyone
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(project.resolve("not-a-folder"), "");
            config("backup.dir = \"not-a-folder/backups\"\n");
        }
        String before = head();

        CliRun up = run("upgrade");

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(6);
        assertThat(up.err()).contains("cannot write the backup", "Nothing was applied", "--no-backup");
        assertThat(head()).isEqualTo(before);
        assertThat(text("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'email'")).isEqualTo("0");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        assertThat(allFiles()).isEmpty();
    }

    private static boolean canWrite(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A disk that fills up while the backup is written: the command runs in a JVM whose file size
     * is limited (ulimit -f), so the write fails half way as it would on a full disk.
     */
    @Test
    void aBackupThatRunsOutOfSpaceLeavesNoFileAndAppliesNothing() throws Exception {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "needs /bin/bash for ulimit");
        customersWithData();
        sql("INSERT INTO customer (name, age) SELECT repeat(md5(g::text), 2), g FROM generate_series(1, 20000) g");
        entity(CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));
        ok("generate", "email");
        String before = head();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(bash.toString(), "-c", "ulimit -f 512 && exec \"$0\" -cp \"$1\" io.migratewatch.cli.Main"
                + " --database-url \"$2\" upgrade", java, System.getProperty("java.class.path"), url())
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        int exit = p.exitValue();

        assertThat(exit).as(output).isEqualTo(6);
        assertThat(output).contains("cannot write the backup", "File too large", "Nothing was applied").doesNotContain(PASSWORD);
        assertThat(head()).isEqualTo(before);
        assertThat(allFiles()).as("no half-written backup").isEmpty();
    }

    /** A {@code db backup} killed (SIGKILL) while it writes: its temporary file is gone at the start of the next command. */
    @Test
    void aKilledBackupsTemporaryFileIsRemovedByTheNextCommand() throws Exception {
        customersWithData();
        sql("INSERT INTO customer (name, age) SELECT repeat(md5(g::text), 2), g FROM generate_series(1, 300000) g");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main",
                "--database-url", url(), "db", "backup").directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path dir = project.resolve("backups");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        boolean writing = false;
        while (!writing && p.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    writing = files.anyMatch(f -> f.getFileName().toString().endsWith(".sql.part") && f.toFile().length() > 0);
                }
            }
            Thread.sleep(2);
        }
        p.destroyForcibly().waitFor();
        assertThat(writing).as("the backup was killed while it wrote").isTrue();
        assertThat(allFiles()).as("what the killed process left").anyMatch(n -> n.endsWith(".sql.part"));

        ok("upgrade");

        assertThat(allFiles()).noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void aDamagedBackupIsRefusedAndTheDatabaseIsUntouched() throws Exception {
        customersWithData();
        ok("db", "backup");
        Path backup = backups().get(0);
        sql("DELETE FROM customer WHERE name = 'Ada'");
        Map<String, String> now = fingerprint();

        byte[] bytes = Files.readAllBytes(backup);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("\tAda\t");
        Path changed = project.resolve("changed.sql");
        bytes[at + 1] = 'E';
        Files.write(changed, bytes);
        Path truncated = project.resolve("truncated.sql");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Path notABackup = Files.writeString(project.resolve("other.sql"), "DROP SCHEMA public CASCADE;\n");

        List<CliRun> runs = new ArrayList<>();
        for (Path p : List.of(changed, truncated, notABackup)) {
            CliRun r = run("db", "restore", p.getFileName().toString(), "--yes");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(fingerprint()).isEqualTo(now);
            runs.add(r);
        }
        assertThat(runs.get(0).err()).contains("checksum", "rolled back");
        assertThat(runs.get(1).err()).contains("truncated", "Nothing was changed");
        assertThat(runs.get(2).err()).contains("not a complete migrate-watch backup", "Nothing was changed");
    }

    private static final String WITH_ENUMS = """
            @Entity
            public class Customer {
                public enum Level { GOLD, SILVER, BRONZE }
                @Id @GeneratedValue private Long id;
                @Column(nullable = false, length = 80) private String name;
                private Integer age;
                @Enumerated(EnumType.STRING) private Level level;
                @Enumerated(EnumType.STRING) @Column(length = 20) private Level tier;
                @Enumerated private Level rank;
            }
            """;

    /**
     * Owners and privileges of the schema and everything in it, columns included. A NULL ACL is the
     * object's default one, the same privileges as written out (pg_dump writes nothing for it).
     */
    private String ownersAndGrants() throws SQLException {
        return text("""
                SELECT string_agg(x, E'\n' ORDER BY x) FROM (
                  SELECT 'schema ' || nspname || ' ' || nspowner::regrole || ' ' || coalesce(nspacl, acldefault('n', nspowner))::text AS x
                    FROM pg_namespace WHERE nspname = 'public'
                  UNION ALL SELECT 'relation ' || relkind::text || ' ' || relname || ' ' || relowner::regrole || ' '
                      || coalesce(relacl, acldefault(CASE relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", relowner))::text
                    FROM pg_class WHERE relnamespace = 'public'::regnamespace
                  UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' ' || a.attacl::text
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND a.attacl IS NOT NULL
                  UNION ALL SELECT 'type ' || typname || ' ' || typowner::regrole || ' ' || coalesce(typacl, acldefault('T', typowner))::text
                    FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
                ) f""");
    }

    /**
     * A restore gives back the catalog the models were compared with: enum checks as Hibernate writes
     * them ({@code level in ('GOLD', ...)}) compare equal afterwards, and the schema, tables and sequences
     * keep their owner and the grants an application role reads them with.
     */
    @Test
    void aRestoreKeepsTheModelsInStepAndOwnersAndGrantsAsTheyWere() throws Exception {
        entity(WITH_ENUMS);
        ok("generate", "initial");
        ok("upgrade");
        sql("INSERT INTO customer (id, name, level, tier, rank) VALUES (1, 'Ada', 'GOLD', 'SILVER', 0), (2, 'Bo', NULL, 'BRONZE', 2)");
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String owner = "mw_owner_" + suffix;
        String reader = "mw_reader_" + suffix;
        sql("CREATE ROLE " + owner + " NOLOGIN", "CREATE ROLE " + reader + " NOLOGIN");
        try {
            sql("ALTER SCHEMA public OWNER TO " + owner, "ALTER TABLE customer OWNER TO " + owner,
                    "ALTER SEQUENCE customer_seq OWNER TO " + owner,
                    "GRANT USAGE ON SCHEMA public TO " + reader, "GRANT SELECT ON customer TO " + reader,
                    "GRANT USAGE, SELECT ON SEQUENCE customer_seq TO " + reader + " WITH GRANT OPTION",
                    "GRANT UPDATE (name) ON customer TO " + reader, "REVOKE ALL ON migrate_watch_history FROM PUBLIC");
            String grants = ownersAndGrants();
            assertThat(grants).contains("customer " + owner, reader + "=r/" + owner, "schema public " + owner);
            assertThat(ok("diff").out()).contains("No changes: the database matches the models.");
            ok("db", "backup");

            int restores = 2;
            List<String> diffs = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            List<String> ownersAndGrants = new ArrayList<>();
            List<Integer> readersRows = new ArrayList<>();
            List<Integer> differences = new ArrayList<>();
            for (int restore = 1; restore <= restores; restore++) {
                ok("db", "restore", "latest", "--yes");
                diffs.add(ok("diff").out());
                statuses.add(ok("status").out());
                ownersAndGrants.add(ownersAndGrants());
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SET ROLE " + reader);
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM public.customer")) {
                        rs.next();
                        readersRows.add(rs.getInt(1));
                    }
                    s.execute("RESET ROLE");
                }
                int i = restore - 1;
                // each a difference a user would see after the restore: diff or status naming a change, an owner or a
                // grant not as it was, the granted role not reading the rows
                differences.add((diffs.get(i).contains("No changes: the database matches the models.") ? 0 : 1)
                        + (statuses.get(i).contains("changes not in a migration")
                                || statuses.get(i).contains("run migrate-watch generate") ? 1 : 0)
                        + (ownersAndGrants.get(i).equals(grants) ? 0 : 1) + (readersRows.get(i) == 2 ? 0 : 1));
            }
            System.out.println("restore (" + engine() + "): " + restores + " restores, differences reported after each: "
                    + differences.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " (diff, status, owners and grants, rows a granted role reads)");

            for (int i = 0; i < restores; i++) {
                int restore = i + 1;
                assertThat(diffs.get(i)).as("restore %d", restore).contains("No changes: the database matches the models.");
                assertThat(statuses.get(i)).as("restore %d", restore)
                        .doesNotContain("changes not in a migration", "run migrate-watch generate");
                assertThat(ownersAndGrants.get(i)).as("restore %d", restore).isEqualTo(grants);
                assertThat(readersRows.get(i)).as("restore %d: rows the granted role reads", restore).isEqualTo(2);
            }
            assertThat(differences).containsOnly(0);
        } finally {
            // roles belong to the whole server: none of this run's may stay behind
            sql("ALTER SCHEMA public OWNER TO CURRENT_USER", "REASSIGN OWNED BY " + owner + ", " + reader + " TO CURRENT_USER",
                    "DROP OWNED BY " + owner + ", " + reader, "DROP ROLE " + reader + ", " + owner);
        }
    }

    @Test
    void theDaemonBacksUpBeforeApplyingAndRecordsIt() throws Exception {
        customersWithData();
        config("watcher.fold = false\n");
        entity(CUSTOMER.replace("private Integer age;", "private Integer age; private String email;"));
        try (Project p = new Project(SettingsLoader.load(null, project, Map.of("DATABASE_URL", url()), null), line -> { })) {
            AutoMigrateOutcome o = new AutoMigrate(p, p.backupBefore("daemon")).run(p.models());

            assertThat(o).isInstanceOf(AutoMigrateOutcome.Applied.class);
            assertThat(((AutoMigrateOutcome.Applied) o).backup()).startsWith("Backup: backups/backup_").contains(engine());
        }
        assertThat(text("SELECT how || ' ' || backup FROM migrate_watch_history ORDER BY installed_rank DESC LIMIT 1"))
                .isEqualTo("daemon backups/" + backups().get(0).getFileName());
    }
}
