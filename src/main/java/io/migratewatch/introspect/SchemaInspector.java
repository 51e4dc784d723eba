package io.migratewatch.introspect;

import static org.jooq.meta.postgres.pg_catalog.Tables.PG_ATTRDEF;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_ATTRIBUTE;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_CLASS;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_CONSTRAINT;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_DEPEND;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_INDEX;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_NAMESPACE;
import static org.jooq.meta.postgres.pg_catalog.Tables.PG_SEQUENCE;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identifiers;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.meta.postgres.pg_catalog.tables.PgAttrdef;
import org.jooq.meta.postgres.pg_catalog.tables.PgAttribute;
import org.jooq.meta.postgres.pg_catalog.tables.PgClass;
import org.jooq.meta.postgres.pg_catalog.tables.PgConstraint;
import org.jooq.meta.postgres.pg_catalog.tables.PgDepend;
import org.jooq.meta.postgres.pg_catalog.tables.PgIndex;
import org.jooq.meta.postgres.pg_catalog.tables.PgNamespace;
import org.jooq.meta.postgres.pg_catalog.tables.PgSequence;

/**
 * Reads the live tables and sequences of one PostgreSQL schema (namespace) into the
 * {@link Schema} model.
 *
 * <p>The catalog is read in bulk with four queries (tables with their columns, constraints,
 * indexes, sequences), whatever the number of tables. The queries are built with jOOQ's DSL on
 * jooq-meta's typed {@code pg_catalog} classes and run on the caller's connection through JDBC
 * (jOOQ's own record fetching doubled the client-side cost for thousands of catalog rows). The
 * inspector only reads: it never changes the connection's transaction state, so it can run
 * inside a caller's (possibly rolled back) transaction.
 *
 * <p>What is read: ordinary and partitioned tables (not the partitions of a partitioned table,
 * which belong to their parent, and never the history table); columns in attnum order with
 * {@code format_type} types, nullability, defaults and identity kind; primary keys, foreign keys
 * (referenced table, columns, ON DELETE), unique and check constraints with their real names;
 * indexes that do not back a constraint (key columns or expressions, DESC, UNIQUE, partial
 * predicate); sequences not owned by an identity column.
 *
 * <p>What is left out, because the model has no place for it: views, foreign tables, FK ON
 * UPDATE / MATCH / DEFERRABLE, exclusion constraints, index methods (gin, gist, ...), INCLUDE
 * columns, NULLS FIRST/LAST, sequence min/max/cache/cycle, comments, and the generation
 * expression of generated columns (such columns are kept, with no default).
 */
public final class SchemaInspector {

    static {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /** Renders the catalog queries; it has no connection, it never executes anything itself. */
    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES, new Settings()
            .withExecuteLogging(false)
            .withDiagnosticsLogging(false)
            .withRenderSchema(true));

    private static final Field<Long> PG_CLASS_REGCLASS = DSL.field("'pg_catalog.pg_class'::regclass::oid", Long.class);

    private final String schemaName;
    private final String historyTable;
    /** When not null, only these tables are read (sequences are always read whole). */
    private final java.util.Set<String> onlyTables;

    /**
     * @param schemaName   the schema (namespace) to read, e.g. {@code public}; names are matched exactly
     * @param historyTable the migration history table, never part of the model (may be null)
     */
    public SchemaInspector(String schemaName, String historyTable) {
        this(schemaName, historyTable, null);
    }

    private SchemaInspector(String schemaName, String historyTable, java.util.Set<String> onlyTables) {
        this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
        this.historyTable = historyTable;
        this.onlyTables = onlyTables;
    }

    /**
     * An inspector that reads only the named tables: checking what a migration did needs only the
     * tables it touches, and that costs the same whatever the size of the schema.
     */
    public SchemaInspector restrictedTo(java.util.Collection<String> tables) {
        return new SchemaInspector(schemaName, historyTable, java.util.Set.copyOf(tables));
    }

    public String schemaName() {
        return schemaName;
    }

    public String historyTable() {
        return historyTable;
    }

    public Schema inspect(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Map<Long, TableBuilder> tables = readTablesAndColumns(connection);
        readConstraints(connection, tables);
        readIndexes(connection, tables);
        List<Sequence> sequences = readSequences(connection);
        List<Table> built = new ArrayList<>(tables.size());
        for (TableBuilder t : tables.values()) {
            built.add(t.build());
        }
        return Schema.of(built, sequences).withComments(readComments(connection));
    }

    /** Comments on the model's tables and their columns ({@code withComments} keeps only those). */
    private Map<CommentTarget, String> readComments(Connection connection) throws SQLException {
        Map<CommentTarget, String> comments = new java.util.HashMap<>();
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT c.relname, a.attname, d.description FROM pg_catalog.pg_description d"
                        + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_catalog.pg_class'::regclass"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0"
                        + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, schemaName);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (onlyTables != null && !onlyTables.contains(table)) {
                        continue;
                    }
                    String column = rs.getString(2);
                    comments.put(column == null ? CommentTarget.onTable(table) : CommentTarget.onColumn(table, column), rs.getString(3));
                }
            }
        }
        return comments;
    }

    // ---------------------------------------------------------------------------------------------
    // the tables of the model: ordinary and partitioned tables of the schema, no partitions, no history

    private Condition modelTable(PgClass t, PgNamespace n) {
        Condition c = n.NSPNAME.eq(schemaName)
                .and(t.RELKIND.in(DSL.inline("r"), DSL.inline("p")))
                .and(t.RELISPARTITION.isFalse());
        if (historyTable != null) {
            // the history table and its companion that tracks a migration's steps (migration.StepProgress)
            c = c.and(t.RELNAME.ne(historyTable)).and(t.RELNAME.ne(historyTable + "_steps"));
        }
        if (onlyTables != null) {
            c = c.and(t.RELNAME.in(onlyTables));
        }
        return c;
    }

    private Map<Long, TableBuilder> readTablesAndColumns(Connection connection) throws SQLException {
        PgClass t = PG_CLASS.as("t");
        PgNamespace n = PG_NAMESPACE.as("n");
        PgAttribute a = PG_ATTRIBUTE.as("a");
        PgAttrdef d = PG_ATTRDEF.as("d");
        Select<?> query = DSL.select(
                        t.OID.as("table_oid"),
                        t.RELNAME.as("table_name"),
                        a.ATTNUM.as("attnum"),
                        a.ATTNAME.as("column_name"),
                        DSL.field("pg_catalog.format_type({0}, {1})", String.class, a.ATTTYPID, a.ATTTYPMOD).as("type"),
                        a.ATTNOTNULL.as("not_null"),
                        a.ATTIDENTITY.as("identity"),
                        a.ATTGENERATED.as("generated"),
                        DSL.field("pg_catalog.pg_get_expr({0}, {1})", String.class, d.ADBIN, d.ADRELID).as("default_value"))
                .from(t)
                .join(n).on(n.OID.eq(t.RELNAMESPACE))
                .leftJoin(a).on(a.ATTRELID.eq(t.OID).and(a.ATTNUM.gt(DSL.inline((short) 0))).and(a.ATTISDROPPED.isFalse()))
                .leftJoin(d).on(d.ADRELID.eq(a.ATTRELID).and(d.ADNUM.eq(a.ATTNUM)))
                .where(modelTable(t, n))
                .orderBy(t.OID, a.ATTNUM);

        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        run(connection, query, rs -> {
            long oid = rs.getLong("table_oid");
            TableBuilder table = tables.get(oid);
            if (table == null) {
                table = new TableBuilder(rs.getString("table_name"));
                tables.put(oid, table);
            }
            String columnName = rs.getString("column_name");
            if (columnName == null) {
                return; // a table without columns
            }
            Identity identity = switch (nullToEmpty(rs.getString("identity"))) {
                case "a" -> Identity.ALWAYS;
                case "d" -> Identity.BY_DEFAULT;
                default -> Identity.NONE;
            };
            boolean generated = !nullToEmpty(rs.getString("generated")).isEmpty();
            // identity columns have no pg_attrdef row; for a generated column it holds the
            // generation expression, which is not a default
            String defaultValue = identity != Identity.NONE || generated ? null : rs.getString("default_value");
            table.attnames.put(rs.getInt("attnum"), columnName);
            table.columns.add(new Column(columnName, ColumnType.of(unqualifiedType(rs.getString("type"))),
                    !rs.getBoolean("not_null"), defaultValue, identity));
        });
        return tables;
    }

    /** format_type qualifies a type of this schema when the schema is not on the search path. */
    private String unqualifiedType(String formatted) {
        String plain = schemaName + ".";
        String quoted = Identifiers.quote(schemaName) + ".";
        if (formatted.startsWith(quoted)) {
            return formatted.substring(quoted.length());
        }
        if (formatted.startsWith(plain)) {
            return formatted.substring(plain.length());
        }
        return formatted;
    }

    // ---------------------------------------------------------------------------------------------

    private void readConstraints(Connection connection, Map<Long, TableBuilder> tables) throws SQLException {
        PgConstraint c = PG_CONSTRAINT.as("c");
        PgClass t = PG_CLASS.as("t");
        PgNamespace n = PG_NAMESPACE.as("n");
        PgClass ft = PG_CLASS.as("ft");
        Select<?> query = DSL.select(
                        c.CONRELID.as("table_oid"),
                        c.CONNAME.as("name"),
                        c.CONTYPE.as("type"),
                        // the constrained columns are named from the columns already read
                        c.CONKEY.cast(String.class).as("keys"),
                        ft.RELNAME.as("referenced_table"),
                        // the referenced ones here, since that table may lie outside the model
                        DSL.when(c.CONTYPE.eq(DSL.inline("f")), DSL.field(
                                "array(select a.attname::text from unnest({0}) with ordinality as k(attnum, ord)"
                                        + " join pg_catalog.pg_attribute a on a.attrelid = {1} and a.attnum = k.attnum"
                                        + " order by k.ord)",
                                String[].class, c.CONFKEY, c.CONFRELID)).as("referenced_columns"),
                        c.CONFDELTYPE.as("on_delete"),
                        DSL.when(c.CONTYPE.eq(DSL.inline("c")),
                                DSL.field("pg_catalog.pg_get_constraintdef({0})", String.class, c.OID)).as("definition"))
                .from(c)
                .join(t).on(t.OID.eq(c.CONRELID))
                .join(n).on(n.OID.eq(t.RELNAMESPACE))
                .leftJoin(ft).on(ft.OID.eq(c.CONFRELID))
                .where(modelTable(t, n))
                .and(c.CONTYPE.in(DSL.inline("p"), DSL.inline("f"), DSL.inline("u"), DSL.inline("c")))
                // constraints cloned from a parent (partitions, FKs to partitioned tables) belong to the parent
                .and(c.CONPARENTID.eq(DSL.inline(0L)))
                .orderBy(c.CONRELID, c.CONNAME);

        run(connection, query, rs -> {
            TableBuilder table = tables.get(rs.getLong("table_oid"));
            if (table == null) {
                return; // created after the columns were read
            }
            String name = rs.getString("name");
            List<String> columns = table.columnNames(vector(rs.getString("keys")));
            if (columns == null) {
                return; // a column added after the columns were read
            }
            switch (rs.getString("type")) {
                case "p" -> table.primaryKey = new PrimaryKey(name, columns);
                case "u" -> table.uniques.add(new UniqueConstraint(name, columns));
                case "f" -> table.foreignKeys.add(new ForeignKey(name, columns, rs.getString("referenced_table"),
                        strings(rs.getArray("referenced_columns")), ReferentialAction.fromCatalogCode(rs.getString("on_delete"))));
                case "c" -> table.checks.add(new CheckConstraint(name, checkExpression(rs.getString("definition"))));
                default -> {
                    // not part of the model
                }
            }
        });
    }

    /**
     * The expression of a CHECK constraint from pg_get_constraintdef: the part inside
     * {@code CHECK (...)}, without NO INHERIT and NOT VALID; {@code CHECK ((a > 0)) NOT VALID} is
     * {@code (a > 0)}.
     */
    static String checkExpression(String definition) {
        String s = definition.trim();
        for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
            if (s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length()).trim();
            }
        }
        if (s.regionMatches(true, 0, "CHECK", 0, 5)) {
            s = s.substring(5).trim();
        }
        if (s.startsWith("(") && s.endsWith(")") && wrapsWhole(s)) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** Whether the opening parenthesis at 0 closes at the very end (quotes taken into account). */
    private static boolean wrapsWhole(String s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i != s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    // ---------------------------------------------------------------------------------------------

    private void readIndexes(Connection connection, Map<Long, TableBuilder> tables) throws SQLException {
        PgIndex i = PG_INDEX.as("i");
        PgClass ic = PG_CLASS.as("ic");
        PgClass t = PG_CLASS.as("t");
        PgNamespace n = PG_NAMESPACE.as("n");
        PgConstraint c = PG_CONSTRAINT.as("c");
        Select<?> query = DSL.select(
                        i.INDRELID.as("table_oid"),
                        ic.RELNAME.as("name"),
                        i.INDISUNIQUE.as("is_unique"),
                        i.INDNKEYATTS.as("key_count"),
                        // int2vectors as text ("1 0 3"): the key attnums (0 for an expression; INCLUDE
                        // columns follow the keys) and per-key options (bit 1 = DESC)
                        i.INDKEY.cast(String.class).as("attnums"),
                        i.INDOPTION.cast(String.class).as("options"),
                        // the deparsed keys, only for indexes that have expressions
                        DSL.when(i.INDEXPRS.isNotNull(), DSL.field(
                                "array(select pg_catalog.pg_get_indexdef({0}, k, true)"
                                        + " from generate_series(1, {1}::int) as k order by k)",
                                String[].class, i.INDEXRELID, i.INDNKEYATTS)).as("expressions"),
                        DSL.field("pg_catalog.pg_get_expr({0}, {1})", String.class, i.INDPRED, i.INDRELID).as("predicate"))
                .from(i)
                .join(ic).on(ic.OID.eq(i.INDEXRELID))
                .join(t).on(t.OID.eq(i.INDRELID))
                .join(n).on(n.OID.eq(t.RELNAMESPACE))
                .where(modelTable(t, n))
                // an index that backs a primary key, unique or exclusion constraint is that constraint.
                // (A foreign key's conindid names the referenced table's index, which may be a plain
                // unique index: that one is still an index.)
                .andNotExists(DSL.selectOne().from(c)
                        .where(c.CONINDID.eq(i.INDEXRELID))
                        .and(c.CONRELID.eq(i.INDRELID))
                        .and(c.CONTYPE.in(DSL.inline("p"), DSL.inline("u"), DSL.inline("x"))))
                .orderBy(i.INDRELID, ic.RELNAME);

        run(connection, query, rs -> {
            TableBuilder table = tables.get(rs.getLong("table_oid"));
            if (table == null) {
                return;
            }
            int keyCount = rs.getInt("key_count");
            int[] attnums = vector(rs.getString("attnums"));
            int[] options = vector(rs.getString("options"));
            List<String> expressions = strings(rs.getArray("expressions"));
            List<IndexColumn> keys = new ArrayList<>(keyCount);
            for (int k = 0; k < keyCount && k < attnums.length; k++) {
                boolean descending = k < options.length && (options[k] & 1) != 0;
                if (attnums[k] != 0) {
                    String column = table.columnName(attnums[k]);
                    if (column == null) {
                        return; // a column added after the columns were read
                    }
                    keys.add(new IndexColumn(column, null, descending));
                } else if (k < expressions.size()) {
                    keys.add(new IndexColumn(null, expressions.get(k), descending));
                } else {
                    return;
                }
            }
            if (!keys.isEmpty()) {
                table.indexes.add(new Index(rs.getString("name"), keys, rs.getBoolean("is_unique"), rs.getString("predicate")));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------

    private List<Sequence> readSequences(Connection connection) throws SQLException {
        PgClass s = PG_CLASS.as("s");
        PgNamespace n = PG_NAMESPACE.as("n");
        PgSequence q = PG_SEQUENCE.as("q");
        PgDepend d = PG_DEPEND.as("d");
        PgClass owner = PG_CLASS.as("o");

        // an identity column's sequence is part of the column; a serial column's sequence (owned,
        // deptype 'a') stays a sequence of its own, except for the history table's
        Condition ownedByIdentity = d.DEPTYPE.eq(DSL.inline("i"));
        Condition ownedByHistory = historyTable == null ? DSL.falseCondition()
                : d.DEPTYPE.eq(DSL.inline("a")).and(DSL.exists(DSL.selectOne().from(owner)
                        .where(owner.OID.eq(d.REFOBJID))
                        .and(owner.RELNAMESPACE.eq(s.RELNAMESPACE))
                        .and(owner.RELNAME.eq(historyTable))));

        Select<?> query = DSL.select(s.RELNAME.as("name"), q.SEQSTART.as("start"), q.SEQINCREMENT.as("increment"))
                .from(s)
                .join(n).on(n.OID.eq(s.RELNAMESPACE))
                .join(q).on(q.SEQRELID.eq(s.OID))
                .where(n.NSPNAME.eq(schemaName))
                .and(s.RELKIND.eq(DSL.inline("S")))
                .andNotExists(DSL.selectOne().from(d)
                        .where(d.CLASSID.eq(PG_CLASS_REGCLASS))
                        .and(d.OBJID.eq(s.OID))
                        .and(d.REFCLASSID.eq(PG_CLASS_REGCLASS))
                        .and(ownedByIdentity.or(ownedByHistory)))
                .orderBy(s.RELNAME);

        List<Sequence> sequences = new ArrayList<>();
        run(connection, query, rs -> sequences.add(
                new Sequence(rs.getString("name"), rs.getLong("start"), rs.getLong("increment"))));
        return sequences;
    }

    // ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query built with jOOQ's DSL on the connection, through JDBC: jOOQ renders the SQL and
     * its bind values; the rows are read straight from the result set, which keeps the client-side
     * cost of thousands of catalog rows low. One statement per call.
     */
    private static void run(Connection connection, Select<?> query, RowHandler handler) throws SQLException {
        String sql = RENDERER.render(query);
        List<Object> binds = RENDERER.extractBindValues(query);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int k = 0; k < binds.size(); k++) {
                ps.setObject(k + 1, binds.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            Object values = array.getArray();
            return values == null ? List.of() : Arrays.asList((String[]) values);
        } finally {
            array.free();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The numbers of an int2vector ({@code 1 0 3}) or int2[] ({@code {1,3}}) in text form. */
    static int[] vector(String text) {
        if (text == null) {
            return new int[0];
        }
        String s = text.replace("{", " ").replace("}", " ").replace(",", " ").trim();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split("\\s+");
        int[] numbers = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            numbers[k] = Integer.parseInt(parts[k]);
        }
        return numbers;
    }

    private static final class TableBuilder {
        final String name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        /** Column names by attnum (dropped columns leave gaps). */
        final Map<Integer, String> attnames = new HashMap<>();

        TableBuilder(String name) {
            this.name = name;
        }

        String columnName(int attnum) {
            return attnames.get(attnum);
        }

        /** The names of the columns in key order, or null when one is unknown. */
        List<String> columnNames(int[] keys) {
            List<String> names = new ArrayList<>(keys.length);
            for (int attnum : keys) {
                String column = attnames.get(attnum);
                if (column == null) {
                    return null;
                }
                names.add(column);
            }
            return names;
        }

        Table build() {
            return new Table(name, columns, primaryKey, foreignKeys, uniques, indexes, checks);
        }
    }
}
