package io.migratewatch.watch;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.MigrationFileFormat;
import io.migratewatch.support.TestDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project with the entity {@code Customer} (and {@code Note}, see {@link #startWithNoteAndCustomer()}), watched by
 * {@code migrate-watch start} as a real process on a test database: the tests that kill the daemon or break what it depends on start it, save, wait for its lines, and look at
 * the migrations folder and the history. Every line the daemon prints (of every process started) is kept in order.
 */
final class RealDaemon implements AutoCloseable {

    private static final String CUSTOMER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                private String name;
            %s}
            """;

    private final Path project;
    private final TestDatabase db;
    private final List<String> output = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private Process process;
    private Connection monitor;

    /** Writes watcher.conf: the daemon connects to {@code jdbcUrl} (the test database, or a proxy before it) with {@code settings}. */
    RealDaemon(Path project, TestDatabase db, String jdbcUrl, String settings) throws IOException {
        this.project = project;
        this.db = db;
        Files.createDirectories(project.resolve("src/main/java/shop"));
        Files.writeString(project.resolve("watcher.conf"), """
                models.paths = ["src/main/java"]
                watcher.debounce = 200ms
                notify.desktop = false
                database.url = "%s?user=%s"
                %s
                """.formatted(jdbcUrl, db.url().user(), settings));
    }

    /** Starts {@code migrate-watch start} and waits until it watches. */
    void start() throws IOException, InterruptedException {
        int seen = lines();
        process = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "start")
                .directory(project.toFile()).redirectErrorStream(true).start();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        awaitLine(seen, "Watching");
    }

    /**
     * Starts the daemon on the project and lets it create table note (one row) in a migration of its own, committed,
     * then customer in its open migration. Only the backup reads note: no fold into the open migration and no new
     * migration for customer touches it, so a lock on note holds the daemon inside its backup.
     */
    void startWithNoteAndCustomer() throws Exception {
        Files.writeString(project.resolve("src/main/java/shop/Note.java"), """
                package shop;
                import jakarta.persistence.*;
                @Entity public class Note { @Id private Long id; private String text; }
                """);
        start();
        awaitLine(0, "✓ Migration applied");
        commitMigrations();
        int seen = lines();
        save();
        awaitLine(seen, "✓ Migration applied");
        db.execute("INSERT INTO note (id, text) VALUES (1, 'kept')");
    }

    /** Whether the daemon's backup waits for the lock on note: the first statement of the backup, whether any table holds a row. */
    boolean backupWaitsForNote() {
        // staged first: the same probe of the tables' rows also runs before staging, to choose the lock limits
        return !staged().isEmpty() && waitsOnLock("SELECT EXISTS (SELECT 1 FROM %note%");
    }

    /** SIGKILL: nothing of the daemon runs after this. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        process = null;
    }

    /** Saves Customer with the fields saved so far and {@code newFields} (each a String field). */
    void save(String... newFields) throws IOException {
        fields.addAll(List.of(newFields));
        StringBuilder body = new StringBuilder();
        fields.forEach(f -> body.append("    private String ").append(f).append(";\n"));
        Files.writeString(project.resolve("src/main/java/shop/Customer.java"), CUSTOMER.formatted(body));
    }

    /** The field saved last. */
    String lastField() {
        return fields.get(fields.size() - 1);
    }

    int fieldCount() {
        return fields.size();
    }

    int lines() {
        synchronized (output) {
            return output.size();
        }
    }

    List<String> linesSince(int from) {
        synchronized (output) {
            return List.copyOf(output.subList(Math.min(from, output.size()), output.size()));
        }
    }

    /** Waits for a line starting with {@code start} printed after line {@code from}; returns it. */
    String awaitLine(int from, String start) throws InterruptedException {
        waitFor(() -> linesSince(from).stream().anyMatch(l -> l.startsWith(start)), "a line starting with " + start);
        return linesSince(from).stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for: " + what + "\n" + String.join("\n", linesSince(0))
                        + "\nits sessions:\n" + String.join("\n", db.queryStrings("SELECT state || ' ' || coalesce(wait_event_type, '-') || ' '"
                        + " || left(query, 200) FROM pg_stat_activity WHERE " + sessions())) + "\nstaged: " + staged());
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the field saved last is a column of customer. */
    void awaitLastFieldApplied(String what) throws InterruptedException {
        String field = lastField();
        waitFor(() -> columns(field) == 1, what);
    }

    long columns(String name) {
        return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = '" + name + "'");
    }

    /** The daemon's sessions on the test database (its own connections, and a pg_dump it runs). */
    String sessions() {
        return "datname = '" + db.url().database() + "' AND application_name = 'migrate-watch' AND pid <> pg_backend_pid()";
    }

    /** Whether one of the daemon's sessions waits on a lock in a statement whose text matches the LIKE {@code pattern}. */
    boolean waitsOnLock(String pattern) {
        return sessionsWhere("wait_event_type = 'Lock' AND query LIKE '" + pattern + "'") > 0;
    }

    /** Ends every session of the daemon (pg_terminate_backend), as a server restart or a network cut would; returns how many. */
    long terminateSessions() {
        return db.queryStrings("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + sessions()).size();
    }

    /** Whether the daemon's backup copies a table's rows. */
    boolean copies() {
        return sessionsWhere("query LIKE 'COPY %TO STDOUT'") > 0;
    }

    /** How many of the daemon's sessions match {@code condition}: asked on one connection kept open, so that a short statement is seen. */
    private long sessionsWhere(String condition) {
        try {
            if (monitor == null) {
                monitor = db.connect();
            }
            try (Statement s = monitor.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE " + sessions() + " AND " + condition)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every migration file and staged file by name, with its text (a staged file removed while this reads is left out). */
    Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(project.resolve("migrations"))) {
            return out;
        }
        try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
            for (Path p : s.toList()) {
                try {
                    out.put(p.getFileName().toString(), Files.readString(p));
                } catch (NoSuchFileException gone) {
                    // the daemon removed or moved it just now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The migration files only, without staged ones. */
    Map<String, String> migrationFiles() {
        Map<String, String> out = files();
        out.keySet().removeIf(n -> n.startsWith("."));
        return out;
    }

    /** The staged files' names. */
    List<String> staged() {
        return files().keySet().stream().filter(n -> n.startsWith(".")).toList();
    }

    /** Every migration file's checksum is its history row's, and every history row has its file. */
    void assertFilesAgreeWithHistory() throws Exception {
        assertFilesAgreeWithHistory(db, migrationFiles());
    }

    /** @param files the migration files, name to text */
    static void assertFilesAgreeWithHistory(TestDatabase db, Map<String, String> files) throws Exception {
        Map<String, String> checksums = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT revision, checksum FROM migrate_watch_history")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String> fromFiles = new HashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            MigrationFile m = MigrationFileFormat.parse(Path.of(f.getKey()), f.getValue());
            fromFiles.put(m.revision(), m.checksum());
        }
        assertThat(fromFiles).isEqualTo(checksums);
    }

    /** Commits the migrations folder, so that the daemon's next change is a new migration rather than a fold. */
    void commitMigrations() throws Exception {
        if (!Files.isDirectory(project.resolve(".git"))) {
            git("init", "-q");
        }
        git("add", "migrations");
        git("-c", "user.name=test", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "migrations");
    }

    /** {@code migrate-watch status --check}: its one line. */
    String status() throws Exception {
        return run(java(), "-cp", System.getProperty("java.class.path"), "io.migratewatch.cli.Main", "status", "--check").strip();
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (monitor != null) {
            try {
                monitor.close();
            } catch (SQLException ignored) {
                // the database goes next
            }
        }
    }
}
