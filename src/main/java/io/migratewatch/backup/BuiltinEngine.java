package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The backup engine that needs no client tools: the catalog in one REPEATABLE READ snapshot, data
 * through pgjdbc's COPY API, large objects through pgjdbc's large object API. It writes what pg_dump
 * would, in pg_dump's order: extensions, enum types, sequences, tables (with their CHECK
 * constraints), data, large objects, sequence positions, keys and indexes, foreign keys, comments,
 * and last owners and privileges.
 * <p>
 * Identity columns keep their sequence and options and are loaded with COPY, which writes identity
 * values as given (also GENERATED ALWAYS); generated columns are left out of COPY and recomputed.
 */
public final class BuiltinEngine implements BackupEngine {

    /** Large objects are written in pieces of this size (twice that as hex in the file). */
    private static final int LARGE_OBJECT_CHUNK = 1 << 20;

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public Manifest dump(Connection c, BackupRequest request, BackupWriter out, Progress progress) throws IOException, SQLException {
        try (Snapshot snapshot = Snapshot.begin(c)) {
            if (snapshot.serverVersionNumber() < 120000) {
                throw new BackupException("the built-in backup engine needs PostgreSQL 12 or newer (the server is " + snapshot.serverVersion()
                        + "): install pg_dump, or set backup.pg-dump-path");
            }
            Catalog catalog = Catalog.read(c, request.schema());
            List<String> unsupported = Catalog.unsupported(c, catalog.schemaOid());
            if (!unsupported.isEmpty()) {
                throw new BackupException("the built-in backup engine does not copy these objects of schema " + request.schema() + ": "
                        + String.join(", ", unsupported) + ".\n  Install pg_dump (the server's major version or newer) and set backup.engine = auto,"
                        + " or set backup.pg-dump-path to it; pg_dump copies them.");
            }
            lock(c, request.schema(), catalog);
            Manifest draft = Manifest.draft(request, name(), "migrate-watch (JDBC COPY)", snapshot.serverVersion(), snapshot.database(),
                    catalog.tableNames());
            out.start(draft, Prologue.sql(request.schema(), name()));
            Script script = new Script(out.body(), request.schema());
            long expectedRows = catalog.tables().stream().mapToLong(Catalog.TableDef::estimatedRows).sum();
            progress.start("backup", expectedRows, -1);
            definitions(script, catalog);
            List<Manifest.Table> counted = data(c, script, catalog, out, progress);
            largeObjects(c, script, catalog, out, progress, counted.stream().mapToLong(Manifest.Table::rows).sum());
            sequencePositions(c, script, catalog);
            constraintsAndIndexes(script, catalog);
            comments(script, catalog);
            access(script, catalog);
            script.raw(Prologue.END);
            progress.finish();
            return draft.withCounts(counted, catalog.largeObjects().size());
        }
    }

    /** Keeps the tables from being dropped or altered under the dump, as pg_dump does. */
    private static void lock(Connection c, String schema, Catalog catalog) throws SQLException {
        if (catalog.tables().isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + catalog.tables().stream().map(t -> qualified(schema, t.name())).collect(Collectors.joining(", "))
                    + " IN ACCESS SHARE MODE");
        }
    }

    private static void definitions(Script out, Catalog catalog) throws IOException {
        String schema = out.schema;
        out.line("CREATE SCHEMA " + Identifiers.quote(schema) + ";");
        for (String extension : catalog.extensions()) {
            out.line("CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension) + " WITH SCHEMA " + Identifiers.quote(schema) + ";");
        }
        for (Catalog.EnumType e : catalog.enums()) {
            out.line("CREATE TYPE " + qualified(schema, e.name()) + " AS ENUM ("
                    + e.labels().stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ");");
        }
        for (Catalog.SequenceDef s : catalog.sequences()) {
            if (!s.identity()) {
                out.line("CREATE SEQUENCE " + qualified(schema, s.name()) + " AS " + s.type() + sequenceOptions(s) + ";");
            }
        }
        out.raw("\n");
        for (Catalog.TableDef t : catalog.tables()) {
            List<String> parts = new ArrayList<>();
            for (Catalog.ColumnDef col : t.columns()) {
                parts.add(column(schema, t, col, catalog));
            }
            for (Catalog.ConstraintDef con : catalog.constraints()) {
                if (con.table().equals(t.name()) && con.type() == 'c' && con.validated()) {
                    parts.add("CONSTRAINT " + Identifiers.quote(con.name()) + " " + con.definition());
                }
            }
            out.line("CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + qualified(schema, t.name()) + " ("
                    + (parts.isEmpty() ? "" : "\n    " + String.join(",\n    ", parts) + "\n") + ")"
                    + (t.options() == null || t.options().isEmpty() ? "" : " WITH (" + t.options() + ")") + ";");
            out.raw("\n");
        }
        for (Catalog.SequenceDef s : catalog.sequences()) {
            if (!s.identity() && s.ownerTable() != null) {
                out.line("ALTER SEQUENCE " + qualified(schema, s.name()) + " OWNED BY " + qualified(schema, s.ownerTable()) + "."
                        + Identifiers.quote(s.ownerColumn()) + ";");
            }
        }
    }

    private static String column(String schema, Catalog.TableDef table, Catalog.ColumnDef col, Catalog catalog) {
        StringBuilder sb = new StringBuilder(Identifiers.quote(col.name())).append(' ').append(col.type());
        if (col.collation() != null) {
            sb.append(" COLLATE ").append(col.collation());
        }
        if (col.generated() != 0) {
            sb.append(" GENERATED ALWAYS AS (").append(col.defaultExpr()).append(')').append(col.generated() == 's' ? " STORED" : "");
        } else if (col.identity() != 0) {
            Catalog.SequenceDef seq = catalog.sequences().stream()
                    .filter(s -> s.identity() && table.name().equals(s.ownerTable()) && col.name().equals(s.ownerColumn()))
                    .findFirst().orElse(null);
            sb.append(col.identity() == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            if (seq != null) {
                sb.append(" (SEQUENCE NAME ").append(qualified(schema, seq.name())).append(sequenceOptions(seq)).append(')');
            }
            return sb.toString(); // identity implies NOT NULL
        } else if (col.defaultExpr() != null) {
            sb.append(" DEFAULT ").append(col.defaultExpr());
        }
        if (col.notNull()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private static String sequenceOptions(Catalog.SequenceDef s) {
        return " START WITH " + s.start() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    private static List<Manifest.Table> data(Connection c, Script out, Catalog catalog, BackupWriter writer, Progress progress)
            throws IOException, SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        OutputStream body = writer.body();
        List<Manifest.Table> counted = new ArrayList<>();
        long total = 0;
        for (Catalog.TableDef t : catalog.tables()) {
            List<String> columns = t.columns().stream().filter(Catalog.ColumnDef::copied).map(Catalog.ColumnDef::name).toList();
            String target = qualified(out.schema, t.name()) + (columns.isEmpty() ? "" : " (" + Identifiers.quoteAll(columns) + ")");
            out.raw("\n");
            out.line("COPY " + target + " FROM stdin;");
            CopyOut rows = copy.copyOut("COPY " + target + " TO STDOUT");
            long n = 0;
            try {
                byte[] row;
                while ((row = rows.readFromCopy()) != null) {
                    body.write(row);
                    if ((++n & 1023) == 0) {
                        progress.advance(total + n, writer.written());
                    }
                }
            } finally {
                if (rows.isActive()) {
                    rows.cancelCopy(); // a failed write (a full disk) leaves the COPY running: the connection is needed back
                }
            }
            out.line("\\.");
            total += n;
            progress.advance(total, writer.written());
            counted.add(new Manifest.Table(t.name(), n));
        }
        return counted;
    }

    /**
     * Each large object as lo_from_bytea (the first piece, or an empty object) and lo_put for the
     * rest, read through a descriptor opened in the snapshot, which sees the objects as the snapshot does.
     */
    private static void largeObjects(Connection c, Script out, Catalog catalog, BackupWriter writer, Progress progress, long rows)
            throws IOException, SQLException {
        if (catalog.largeObjects().isEmpty()) {
            return;
        }
        LargeObjectManager manager = c.unwrap(PGConnection.class).getLargeObjectAPI();
        HexFormat hex = HexFormat.of();
        out.raw("\n");
        for (long oid : catalog.largeObjects()) {
            try (LargeObject lo = manager.open(oid, LargeObjectManager.READ)) {
                long offset = 0;
                while (true) {
                    byte[] piece = lo.read(LARGE_OBJECT_CHUNK);
                    if (offset == 0) {
                        out.line("SELECT pg_catalog.lo_from_bytea('" + oid + "', '\\x" + hex.formatHex(piece) + "');");
                    } else if (piece.length > 0) {
                        out.line("SELECT pg_catalog.lo_put('" + oid + "', " + offset + ", '\\x" + hex.formatHex(piece) + "');");
                    }
                    offset += piece.length;
                    progress.advance(rows, writer.written());
                    if (piece.length < LARGE_OBJECT_CHUNK) {
                        break;
                    }
                }
            }
        }
    }

    private static void sequencePositions(Connection c, Script out, Catalog catalog) throws IOException, SQLException {
        if (catalog.sequences().isEmpty()) {
            return;
        }
        out.raw("\n");
        for (Catalog.SequenceDef s : catalog.sequences()) {
            String name = qualified(out.schema, s.name());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + name)) {
                rs.next();
                out.line("SELECT pg_catalog.setval(" + Identifiers.literal(name) + ", " + rs.getLong(1) + ", " + rs.getBoolean(2) + ");");
            }
        }
    }

    private static void constraintsAndIndexes(Script out, Catalog catalog) throws IOException {
        out.raw("\n");
        for (Catalog.ConstraintDef con : catalog.constraints()) {
            if (con.type() == 'p' || con.type() == 'u' || con.type() == 'x' || (con.type() == 'c' && !con.validated())) {
                out.line(addConstraint(out.schema, con));
            }
        }
        for (Catalog.IndexDef index : catalog.indexes()) {
            out.line(index.definition() + ";");
        }
        for (Catalog.ConstraintDef con : catalog.constraints()) {
            if (con.type() == 'f') {
                out.line(addConstraint(out.schema, con));
            }
        }
    }

    private static String addConstraint(String schema, Catalog.ConstraintDef con) {
        return "ALTER TABLE ONLY " + qualified(schema, con.table()) + " ADD CONSTRAINT " + Identifiers.quote(con.name()) + " "
                + con.definition() + ";";
    }

    private static void comments(Script out, Catalog catalog) throws IOException {
        String schema = out.schema;
        List<String> lines = new ArrayList<>();
        comment(lines, "SCHEMA " + Identifiers.quote(schema), catalog.schemaComment());
        for (Catalog.EnumType e : catalog.enums()) {
            comment(lines, "TYPE " + qualified(schema, e.name()), e.comment());
        }
        for (Catalog.SequenceDef s : catalog.sequences()) {
            comment(lines, "SEQUENCE " + qualified(schema, s.name()), s.comment());
        }
        for (Catalog.TableDef t : catalog.tables()) {
            comment(lines, "TABLE " + qualified(schema, t.name()), t.comment());
            for (Catalog.ColumnDef col : t.columns()) {
                comment(lines, "COLUMN " + qualified(schema, t.name()) + "." + Identifiers.quote(col.name()), col.comment());
            }
        }
        for (Catalog.ConstraintDef con : catalog.constraints()) {
            comment(lines, "CONSTRAINT " + Identifiers.quote(con.name()) + " ON " + qualified(schema, con.table()), con.comment());
        }
        for (Catalog.IndexDef index : catalog.indexes()) {
            comment(lines, "INDEX " + qualified(schema, index.name()), index.comment());
        }
        if (!lines.isEmpty()) {
            out.raw("\n");
            for (String l : lines) {
                out.line(l);
            }
        }
    }

    /** Owners, then privileges, then default privileges: last, as pg_dump writes them, so that nothing before runs short of a right. */
    private static void access(Script out, Catalog catalog) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Access a : catalog.access()) {
            lines.addAll(a.ownerStatements(out.schema));
        }
        for (Access a : catalog.access()) {
            lines.addAll(a.grantStatements(out.schema));
        }
        for (DefaultAccess d : catalog.defaultAccess()) {
            lines.addAll(d.statements(out.schema));
        }
        if (!lines.isEmpty()) {
            out.raw("\n");
            for (String l : lines) {
                out.line(l);
            }
        }
    }

    private static void comment(List<String> lines, String target, String text) {
        if (text != null) {
            lines.add("COMMENT ON " + target + " IS " + Identifiers.literal(text) + ";");
        }
    }

    private static String qualified(String schema, String name) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    /** SQL text into the body, UTF-8. */
    private static final class Script {
        private final OutputStream out;
        private final String schema;

        Script(OutputStream out, String schema) {
            this.out = out;
            this.schema = schema;
        }

        void line(String sql) throws IOException {
            raw(sql + "\n");
        }

        void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
