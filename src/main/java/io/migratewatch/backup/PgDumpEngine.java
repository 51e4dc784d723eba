package io.migratewatch.backup;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.schema.Identifiers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backups by pg_dump (plain format, data as COPY), run against the snapshot this engine exports, so
 * that the manifest's table list and large object count are those of the dump. Its output passes
 * through here on the way into the file: the COPY blocks are counted for the manifest as they go by.
 * The password reaches pg_dump in its environment (PGPASSWORD), never on its command line.
 */
public final class PgDumpEngine implements BackupEngine {

    /** Enough of pg_dump's complaints to explain a failure; the rest is dropped. */
    private static final int MAX_STDERR = 16 * 1024;

    private final PgDump pgDump;
    private final DatabaseUrl url;
    private final List<String> options;

    public PgDumpEngine(PgDump pgDump, DatabaseUrl url, List<String> options) {
        this.pgDump = pgDump;
        this.url = url;
        this.options = List.copyOf(options);
    }

    @Override
    public String name() {
        return "pg-dump";
    }

    @Override
    public Manifest dump(Connection c, BackupRequest request, BackupWriter out, Progress progress) throws IOException, SQLException {
        try (Snapshot snapshot = Snapshot.begin(c)) {
            String exported = snapshot.export();
            List<String> tables = strings(c, "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname", request.schema());
            List<String> extensions = strings(c, "SELECT e.extname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n"
                    + " ON n.oid = e.extnamespace WHERE n.nspname = ? ORDER BY e.extname", request.schema());
            long largeObjects = largeObjects(c);
            Manifest draft = Manifest.draft(request, name(), pgDump.version(), snapshot.serverVersion(), snapshot.database(), tables);
            out.start(draft, Prologue.sql(request.schema(), name()));
            progress.start("backup", -1, -1);
            Map<String, Long> counts = run(command(exported, request.schema(), extensions), out, request.schema(), progress);
            out.body().write(Prologue.END.getBytes(StandardCharsets.UTF_8));
            progress.finish();
            List<Manifest.Table> counted = tables.stream().map(t -> new Manifest.Table(t, counts.getOrDefault(t, 0L))).toList();
            return draft.withCounts(counted, largeObjects);
        }
    }

    /** pg_dump's arguments: no password among them. */
    List<String> command(String snapshot, String schema, List<String> extensions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(pgDump.executable().toString());
        cmd.add("--format=plain");
        cmd.add("--encoding=UTF8");
        cmd.add("--schema=" + Identifiers.quote(schema)); // quoted: the name is matched literally, not as a pattern
        cmd.add("-b"); // large objects, which --schema would leave out; every pg_dump version knows -b
        cmd.add("--quote-all-identifiers");
        cmd.add("--no-password");
        if (snapshot != null) {
            cmd.add("--snapshot=" + snapshot);
        }
        if (pgDump.major() >= 14) {
            for (String e : extensions) {
                // with --schema, pg_dump leaves out the extensions living in the schema, which DROP SCHEMA ... CASCADE removes
                cmd.add("--extension=" + Identifiers.quote(e));
            }
        }
        cmd.addAll(options);
        cmd.add("--dbname=" + conninfo());
        return cmd;
    }

    /** Where to connect, as a libpq connection string: host, port, database and user, never the password. */
    String conninfo() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("host", url.host());
        parts.put("port", Integer.toString(url.port()));
        parts.put("dbname", url.database());
        if (url.user() != null && !url.user().isEmpty()) {
            parts.put("user", url.user());
        }
        parts.put("application_name", "migrate-watch");
        String sslmode = queryParameter("sslmode");
        if (sslmode == null && "true".equalsIgnoreCase(queryParameter("ssl"))) {
            sslmode = "require";
        }
        if (sslmode != null) {
            parts.put("sslmode", sslmode);
        }
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append("='")
                .append(v.replace("\\", "\\\\").replace("'", "\\'")).append('\''));
        return sb.toString();
    }

    /** pg_dump's environment: the password goes here, where other users cannot read it (unlike the command line). */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        if (url.password() != null && !url.password().isEmpty()) {
            env.put("PGPASSWORD", url.password());
        }
        env.put("PGCLIENTENCODING", "UTF8");
        return env;
    }

    private String queryParameter(String name) {
        int q = url.jdbcUrl().indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.jdbcUrl().substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Map<String, Long> run(List<String> command, BackupWriter out, String schema, Progress progress) throws IOException, SQLException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment());
        Process process = pb.start();
        StringBuilder stderr = new StringBuilder();
        Thread errors = new Thread(() -> drain(process.getErrorStream(), stderr), "pg_dump-stderr");
        errors.setDaemon(true);
        errors.start();
        Map<String, Long> counts = new HashMap<>();
        try {
            process.getOutputStream().close();
            OutputStream body = out.body();
            InputStream tee = new FilterInputStream(process.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        body.write(b, off, n);
                    }
                    return n;
                }
            };
            ScriptReader reader = new ScriptReader(tee);
            long rows = 0;
            ScriptReader.Item item;
            while ((item = reader.next()) != null) {
                if (item.kind() == ScriptReader.Kind.COPY) {
                    CopyTarget target = CopyTarget.parse(item.text());
                    final long before = rows;
                    long n = reader.copyData((b, off, len) -> progress.advance(before, out.written()));
                    rows += n;
                    if (target.schema() == null || target.schema().equals(schema)) {
                        counts.merge(target.table(), n, Long::sum);
                    }
                    progress.advance(rows, out.written());
                }
            }
            int exit = process.waitFor();
            errors.join(TimeUnit.SECONDS.toMillis(10));
            if (exit != 0) {
                throw new BackupException("pg_dump failed (exit code " + exit + "): " + redact(stderr.toString().trim()));
            }
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while pg_dump was running");
        } catch (BackupFormatException e) {
            throw new BackupException("pg_dump's output ended unexpectedly (" + e.getMessage() + "): " + redact(stderr.toString().trim()));
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private String redact(String text) {
        String password = url.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    private static void drain(InputStream in, StringBuilder into) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (into) {
                    if (into.length() < MAX_STDERR) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone; what was read is what there is
        }
    }

    private static long largeObjects(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.count(*) FROM pg_catalog.pg_largeobject_metadata");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
