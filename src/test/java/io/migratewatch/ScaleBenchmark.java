package io.migratewatch;

import io.migratewatch.config.SettingsLoader;
import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.fidelity.CompiledModel;
import io.migratewatch.fidelity.HibernateExport;
import io.migratewatch.fidelity.ModelSet;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.Naming;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.SyntheticModel;
import io.migratewatch.watch.DaemonLatencyBenchmark;
import io.migratewatch.workflow.PlanMigration;
import io.migratewatch.workflow.Project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The scale table: for 100, 1,000 and 2,000 synthetic entities (other counts as arguments), on the
 * server named by {@code MIGRATE_WATCH_TEST_DATABASE_URL} (default: 127.0.0.1:5432, which should
 * have stock settings), with the launcher's own JVM options:
 * <ul>
 *   <li>in one process: parse, introspect, diff and plan, the stages of {@code generate} (the plan includes the proof of a
 *   migration that fits one transaction; the parts of a larger one are proven by {@code upgrade} as it applies them);</li>
 *   <li>{@code generate} and {@code upgrade} as the user runs them (wall time and peak RSS);</li>
 *   <li>the floor: {@code psql} running the same DDL, one statement per transaction;</li>
 *   <li>Hibernate 7 compiling the same sources and creating the schema ({@code ddl-auto=create});</li>
 *   <li>the ratios of the two;</li>
 *   <li>the daemon: its resident memory watching the project, and its edit loop (median and p95 of 25 edits, from the
 *   write to "✓ Migration applied", minus the quiet period; see {@link DaemonLatencyBenchmark}).</li>
 * </ul>
 * Needs {@code target/migrate-watch.jar} ({@code mvn package}), GNU time ({@code /usr/bin/time}) and {@code psql}.
 */
public final class ScaleBenchmark {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {100, 1000, 2000};
        DatabaseUrl server = server();
        try (Connection c = connect(server); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT version(), current_setting('max_locks_per_transaction'), current_setting('max_connections')")) {
            rs.next();
            System.out.println(rs.getString(1).replaceAll(" on .*", "") + ", max_locks_per_transaction " + rs.getString(2)
                    + ", max_connections " + rs.getString(3) + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        }
        System.out.printf("%-8s %8s %10s %8s %8s %10s %10s %9s %9s %10s %10s %9s %9s %8s %10s %10s %10s%n", "entities", "parse", "introspect",
                "diff", "plan", "generate", "upgrade", "total", "peak RSS", "psql", "hibernate", "parts", "÷psql", "÷hib", "idle RSS",
                "edit p50", "edit p95");
        for (int n : sizes) {
            row(server, n);
        }
        System.exit(0);
    }

    private static void row(DatabaseUrl server, int n) throws Exception {
        Path project = Files.createTempDirectory("mw-scale");
        SyntheticModel.write(project.resolve("src/main/java"), n);
        Files.writeString(project.resolve("watcher.conf"), "models.paths = [\"src/main/java\"]\nnotify.desktop = false\n");

        // the stages, in one process, against an empty database
        DatabaseUrl stagesDb = createDatabase(server, "stages");
        double parse;
        double introspect;
        double diff;
        double plan;
        try (Project p = new Project(SettingsLoader.load(null, project, Map.of("DATABASE_URL", stagesDb.jdbcUrl()), null), line -> { })) {
            long t = System.nanoTime();
            ParsedModel model = p.models();
            parse = seconds(t);
            try (Connection c = p.connect()) {
                t = System.nanoTime();
                Schema have = p.inspect(c);
                introspect = seconds(t);
                t = System.nanoTime();
                p.comparison(have, model, Renames.NONE);
                diff = seconds(t);
                t = System.nanoTime();
                new PlanMigration(p).plan(c, model, PlanMigration.Request.newMigration(Renames.NONE, false));
                plan = seconds(t);
            }
        }
        dropDatabase(server, stagesDb);

        // generate + upgrade as the user runs them
        DatabaseUrl db = createDatabase(server, "cli");
        LauncherRun generate = LauncherRun.of(project, db, 0, "generate", "initial");
        LauncherRun upgrade = LauncherRun.of(project, db, 0, "upgrade");
        long parts;
        try (var files = Files.list(project.resolve("migrations"))) {
            parts = files.count();
        }
        long idleKb = idleDaemonRss(project, db);
        dropDatabase(server, db);

        // the floor: psql running the same DDL
        Schema want;
        try (Project p = new Project(SettingsLoader.load(null, project, Map.of("DATABASE_URL", server.jdbcUrl()), null), line -> { })) {
            want = p.models().schema();
        }
        Path ddl = project.resolve("schema.sql");
        Files.writeString(ddl, new SqlRenderer("public").script(SchemaDiff.between(Schema.EMPTY, want).changes()));
        double floor = psql(server, ddl);

        // Hibernate compiling the same sources and creating the schema
        DatabaseUrl hibernateDb = createDatabase(server, "hibernate");
        long t = System.nanoTime();
        try (CompiledModel compiled = CompiledModel.compile(new ModelSet("synthetic" + n, project.resolve("src/main/java")),
                Files.createTempDirectory("mw-scale-classes"), classpath(), List.of(), ScaleBenchmark.class.getClassLoader())) {
            HibernateExport.into(hibernateDb, compiled, Naming.SPRING);
        }
        double hibernate = seconds(t);
        dropDatabase(server, hibernateDb);

        // the daemon's edit loop at this size: edit to "✓ Migration applied", minus the quiet period
        DaemonLatencyBenchmark.Latency edits = DaemonLatencyBenchmark.measure(n);

        double total = generate.seconds() + upgrade.seconds();
        System.out.printf("%-8d %7.2fs %9.2fs %7.2fs %7.2fs %9.2fs %9.2fs %8.2fs %6d MB %9.2fs %9.2fs %9d %8.2f× %7.2f× %7d MB %7.0f ms %7.0f ms%n",
                n, parse, introspect, diff, plan, generate.seconds(), upgrade.seconds(), total,
                Math.max(generate.peakKb(), upgrade.peakKb()) / 1024, floor, hibernate, parts, total / floor, total / hibernate, idleKb / 1024,
                edits.median(), edits.p95());
    }

    /** The floor: psql running {@code ddl} into a new database of {@code server}, one statement per transaction; its wall time. */
    static double psql(DatabaseUrl server, Path ddl) throws Exception {
        DatabaseUrl psqlDb = createDatabase(server, "psql");
        long t = System.nanoTime();
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(), "-p", String.valueOf(server.port()),
                "-U", server.user(), "-d", psqlDb.database(), "-f", ddl.toString()).redirectErrorStream(true).start();
        String psqlOut = new String(psql.getInputStream().readAllBytes());
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + psqlOut);
        }
        double floor = seconds(t);
        dropDatabase(server, psqlDb);
        return floor;
    }

    /** The daemon watching the project (database at head), one minute after it said it is watching: its resident memory. */
    private static long idleDaemonRss(Path project, DatabaseUrl db) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", LauncherRun.LAUNCHER.toString(), "start").directory(project.toFile()).redirectErrorStream(true);
        pb.environment().remove("MIGRATE_WATCH_JAVA_OPTS");
        pb.environment().put("DATABASE_URL", db.jdbcUrl());
        Process daemon = pb.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(daemon.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Watching")) {
                // start-up lines
            }
            Thread.sleep(60_000);
            for (String status : Files.readAllLines(Path.of("/proc/" + daemon.pid() + "/status"))) {
                if (status.startsWith("VmRSS:")) {
                    return Long.parseLong(status.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for the daemon");
        } finally {
            daemon.destroy();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The test classpath: under exec:java it is the plugin's class loader's, not java.class.path. */
    private static List<Path> classpath() throws Exception {
        List<Path> entries = new ArrayList<>();
        for (ClassLoader l = ScaleBenchmark.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    entries.add(Path.of(url.toURI()));
                }
            }
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    /** MIGRATE_WATCH_TEST_DATABASE_URL, by default the server at 127.0.0.1:5432. */
    static DatabaseUrl server() {
        String env = System.getenv("MIGRATE_WATCH_TEST_DATABASE_URL");
        return DatabaseUrl.parse(env == null || env.isBlank() ? "postgresql://postgres@127.0.0.1:5432/postgres" : env, "postgres", "");
    }

    static DatabaseUrl createDatabase(DatabaseUrl server, String label) throws Exception {
        String name = "mw_scale_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.withDatabase(name);
    }

    static void dropDatabase(DatabaseUrl server, DatabaseUrl db) throws Exception {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
        }
    }

    static Connection connect(DatabaseUrl url) throws Exception {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
