package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Backup and restore throughput of both engines, side by side with plain pg_dump and psql on the
 * same data in the same run. Not a test: run it as the README says. Arguments: table data sizes in
 * MB (default 100 1024); the server is MIGRATE_WATCH_BENCH_DATABASE_URL or the local PostgreSQL at
 * 127.0.0.1:5432, whose major version must not be newer than the local pg_dump's.
 * <p>
 * Each figure is table data (pg_table_size of the filled table) divided by wall-clock time, the
 * median of three runs (two above 200 MB) after one untimed dump. Restores go into a fresh database each time.
 */
public final class BackupBenchmark {

    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private record Timing(String what, double seconds, long fileBytes) {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = args.length > 0 ? Arrays.stream(args).mapToLong(Long::parseLong).toArray() : new long[] {100, 1024};
        String server = System.getenv().getOrDefault("MIGRATE_WATCH_BENCH_DATABASE_URL", DEFAULT_SERVER);
        DatabaseUrl admin = DatabaseUrl.parse(server, "postgres", null);
        PgDump pgDump = PgDump.find("", System.getenv("PATH")).orElseThrow(() -> new IllegalStateException("no pg_dump on the PATH"));
        Path psql = Path.of(pgDump.executable().getParent().toString(), "psql");
        Path work = Files.createTempDirectory("mw-backup-bench");
        try (Connection c = connect(admin)) {
            System.out.printf("server %s, %s, %d CPUs; files in %s%n", single(c, "SELECT version()"), pgDump.version(),
                    Runtime.getRuntime().availableProcessors(), work);
        }
        List<String> report = new ArrayList<>();
        for (long mb : sizes) {
            report.addAll(run(admin, pgDump, psql, work, mb));
        }
        System.out.println();
        report.forEach(System.out::println);
        deleteTree(work);
        System.exit(0);
    }

    private static List<String> run(DatabaseUrl admin, PgDump pgDump, Path psql, Path work, long mb) throws Exception {
        int repeat = mb <= 200 ? 3 : 2;
        DatabaseUrl source = createDatabase(admin, "mw_bench_" + mb);
        try {
            long tableBytes = fill(source, mb * 1024 * 1024);
            System.out.printf("%n%d MB: %s of table data (%s rows), %d run%s each%n", mb, Sizes.bytes(tableBytes),
                    Sizes.count(Long.parseLong(query(source, "SELECT count(*) FROM public.items"))), repeat, repeat == 1 ? "" : "s");
            Path plainFile = work.resolve("plain_" + mb + ".sql");
            Settings.Backup base = new Settings.Backup(true, work.resolve("backups_" + mb), 100, Settings.BackupEngineChoice.BUILTIN, "",
                    List.of("--no-owner", "--no-privileges"));
            Backups builtin = new Backups(base, "public", source);
            Backups viaPgDump = new Backups(new Settings.Backup(true, base.dir(), 100, Settings.BackupEngineChoice.PG_DUMP, "",
                    base.pgDumpOptions()), "public", source);

            // one untimed dump first, so that no engine pays for reading the table into the cache
            exec(List.of(pgDump.executable().toString(), "--schema=public", "--file=" + plainFile, "--dbname=" + conninfo(source)));
            List<Timing> plainDump = new ArrayList<>();
            List<Timing> engineDump = new ArrayList<>();
            List<Timing> builtinDump = new ArrayList<>();
            BackupFile builtinFile = null;
            BackupFile pgDumpFile = null;
            for (int i = 0; i < repeat; i++) {
                plainDump.add(time("pg_dump", () -> exec(List.of(pgDump.executable().toString(), "--format=plain", "--schema=public", "-b",
                        "--no-owner", "--no-privileges", "--file=" + plainFile, "--dbname=" + conninfo(source))), plainFile));
                deleteTree(base.dir());
                BackupFile[] f = new BackupFile[1];
                engineDump.add(time("pg-dump engine", () -> f[0] = take(viaPgDump, source), null));
                pgDumpFile = f[0];
                builtinDump.add(time("builtin engine", () -> f[0] = take(builtin, source), null));
                builtinFile = f[0];
                System.out.printf("  backup  run %d: pg_dump %.2f s, pg-dump engine %.2f s, builtin %.2f s%n", i + 1,
                        last(plainDump).seconds(), last(engineDump).seconds(), last(builtinDump).seconds());
            }
            List<Timing> plainRestore = new ArrayList<>();
            List<Timing> engineRestore = new ArrayList<>();
            List<Timing> builtinRestore = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                plainRestore.add(restoreInto(admin, "psql", target -> {
                    execSql(target, "DROP SCHEMA public CASCADE"); // the dump creates it
                    return () -> exec(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction",
                            "--file=" + plainFile, "--dbname=" + conninfo(target)));
                }));
                BackupFile fromPgDump = pgDumpFile;
                engineRestore.add(restoreInto(admin, "restore (pg-dump file)", target -> () -> restore(target, fromPgDump)));
                BackupFile fromBuiltin = builtinFile;
                builtinRestore.add(restoreInto(admin, "restore (builtin file)", target -> () -> restore(target, fromBuiltin)));
                System.out.printf("  restore run %d: psql %.2f s, pg-dump engine file %.2f s, builtin file %.2f s%n", i + 1,
                        last(plainRestore).seconds(), last(engineRestore).seconds(), last(builtinRestore).seconds());
            }
            long plainBytes = Files.size(plainFile);
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "%s of table data (%d MB target) — median of %d", Sizes.bytes(tableBytes), mb, repeat));
            lines.add(String.format(Locale.ROOT, "  %-38s %9s %11s %12s", "", "seconds", "MB/s", "file"));
            lines.add(row("backup: plain pg_dump", median(plainDump), tableBytes, plainBytes));
            lines.add(row("backup: migrate-watch pg-dump engine", median(engineDump), tableBytes, pgDumpFile.fileSize()));
            lines.add(row("backup: migrate-watch builtin engine", median(builtinDump), tableBytes, builtinFile.fileSize()));
            lines.add(row("restore: plain psql (pg_dump file)", median(plainRestore), tableBytes, plainBytes));
            lines.add(row("restore: migrate-watch (pg-dump file)", median(engineRestore), tableBytes, pgDumpFile.fileSize()));
            lines.add(row("restore: migrate-watch (builtin file)", median(builtinRestore), tableBytes, builtinFile.fileSize()));
            lines.add(String.format(Locale.ROOT, "  builtin engine vs pg_dump: backup %.0f%%, restore (vs psql) %.0f%% of the speed",
                    100 * median(plainDump) / median(builtinDump), 100 * median(plainRestore) / median(builtinRestore)));
            return lines;
        } finally {
            dropDatabase(admin, source.database());
        }
    }

    private static String row(String what, double seconds, long tableBytes, long fileBytes) {
        return String.format(Locale.ROOT, "  %-38s %9.2f %11.1f %12s", what, seconds, tableBytes / 1048576.0 / seconds, Sizes.bytes(fileBytes));
    }

    /** A realistic row: keys, names, amounts, times, a JSON document and some text; about 250 bytes. */
    private static long fill(DatabaseUrl db, long targetBytes) throws SQLException {
        execSql(db, "CREATE TABLE public.items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL,"
                + " name text NOT NULL, email varchar(255), amount numeric(12,2), created timestamptz NOT NULL, status text,"
                + " doc jsonb, note text)");
        long next = 1;
        long chunk = 100_000;
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            long size;
            while ((size = tableSize(s)) < targetBytes) {
                if (next > 1) {
                    // rows still needed at the size per row so far, in pieces the server handles comfortably
                    chunk = Math.max(1000, Math.min(1_000_000, (long) ((targetBytes - size) / ((double) size / (next - 1))) + 1));
                }
                s.execute("INSERT INTO public.items (customer_id, name, email, amount, created, status, doc, note)"
                        + " SELECT g % 10007, 'Customer ' || g || ' Ünïcødé', 'user' || g || '@example.com', (g % 100000) / 7.0,"
                        + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', (ARRAY['new','paid','shipped','closed'])[g % 4 + 1],"
                        + " jsonb_build_object('id', g, 'tags', jsonb_build_array('a', 'b', g % 13), 'ok', g % 2 = 0),"
                        + " CASE WHEN g % 5 = 0 THEN NULL ELSE md5(g::text) || ' ' || md5((g * 31)::text) END"
                        + " FROM generate_series(" + next + ", " + (next + chunk - 1) + ") g");
                next += chunk;
            }
            s.execute("VACUUM ANALYZE public.items");
            s.execute("CHECKPOINT");
            return tableSize(s);
        }
    }

    private static long tableSize(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_table_size('public.items')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BackupFile take(Backups backups, DatabaseUrl db) throws SQLException {
        try (Connection c = connect(db)) {
            return backups.take(c, null, "benchmark", Progress.NONE);
        }
    }

    private static void restore(DatabaseUrl target, BackupFile file) throws Exception {
        try (Connection c = connect(target); BackupSource source = BackupSource.open(file.path())) {
            new Restorer().restore(c, source, Progress.NONE, connection -> { });
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private interface Setup {
        Action prepare(DatabaseUrl target) throws Exception;
    }

    private static Timing time(String what, Action action, Path file) throws Exception {
        long start = System.nanoTime();
        action.run();
        return new Timing(what, (System.nanoTime() - start) / 1e9, file == null ? 0 : Files.size(file));
    }

    /** Into a fresh database; only the restore itself is timed. */
    private static Timing restoreInto(DatabaseUrl admin, String what, Setup setup) throws Exception {
        DatabaseUrl target = createDatabase(admin, "mw_bench_restore");
        try {
            Action action = setup.prepare(target);
            return time(what, action, null);
        } finally {
            dropDatabase(admin, target.database());
        }
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String conninfo(DatabaseUrl db) {
        return "host=" + db.host() + " port=" + db.port() + " dbname=" + db.database() + (db.user() == null ? "" : " user=" + db.user());
    }

    private static DatabaseUrl createDatabase(DatabaseUrl admin, String name) throws SQLException {
        dropDatabase(admin, name);
        execSql(admin, "CREATE DATABASE \"" + name + "\"");
        return admin.withDatabase(name);
    }

    private static void dropDatabase(DatabaseUrl admin, String name) throws SQLException {
        execSql(admin, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private static void execSql(DatabaseUrl db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(DatabaseUrl db, String sql) throws SQLException {
        try (Connection c = connect(db)) {
            return single(c, sql);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(DatabaseUrl db) throws SQLException {
        Properties p = new Properties();
        if (db.user() != null) {
            p.setProperty("user", db.user());
        }
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    private static Timing last(List<Timing> timings) {
        return timings.get(timings.size() - 1);
    }

    private static double median(List<Timing> timings) {
        double[] s = timings.stream().mapToDouble(Timing::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
