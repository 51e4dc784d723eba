package io.migratewatch.sql;

import io.migratewatch.diff.AddCheck;
import io.migratewatch.diff.AddColumn;
import io.migratewatch.diff.AddForeignKey;
import io.migratewatch.diff.AddPrimaryKey;
import io.migratewatch.diff.AddUnique;
import io.migratewatch.diff.AlterColumnDefault;
import io.migratewatch.diff.AlterColumnIdentity;
import io.migratewatch.diff.AlterColumnNullability;
import io.migratewatch.diff.AlterColumnType;
import io.migratewatch.diff.AlterSequence;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.CreateIndex;
import io.migratewatch.diff.CreateSequence;
import io.migratewatch.diff.CreateTable;
import io.migratewatch.diff.DropCheck;
import io.migratewatch.diff.DropColumn;
import io.migratewatch.diff.DropForeignKey;
import io.migratewatch.diff.DropIndex;
import io.migratewatch.diff.DropPrimaryKey;
import io.migratewatch.diff.DropSequence;
import io.migratewatch.diff.DropTable;
import io.migratewatch.diff.DropUnique;
import io.migratewatch.diff.RenameColumn;
import io.migratewatch.diff.RenameTable;
import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.migratewatch.schema.Identifiers.quote;
import static io.migratewatch.schema.Identifiers.quoteAll;

/**
 * PostgreSQL DDL for changes. Every identifier is quoted; the changes arrive already in a valid
 * order (see the diff), so this is a pure, statement-per-change translation.
 */
public final class SqlRenderer {

    // type names come from the model; anything else (a semicolon, a comment) is refused rather than pasted
    private static final Pattern SAFE_TYPE = Pattern.compile("^[a-z][a-z0-9_ ]*(\\(\\d+(,\\d+)?\\))?( with time zone)?(\\[\\])*$");

    private final String schema;

    /** @param schema the schema the tables live in; {@code public} renders unqualified names */
    public SqlRenderer(String schema) {
        this.schema = schema;
    }

    public List<String> render(List<Change> changes) {
        List<String> statements = new ArrayList<>();
        changes.forEach(c -> statements.add(render(c)));
        return statements;
    }

    /** The whole script, one statement per paragraph. */
    public String script(List<Change> changes) {
        return render(changes).stream().map(s -> s + ";").collect(Collectors.joining("\n\n"));
    }

    public String render(Change change) {
        if (change instanceof CreateTable c) {
            return createTable(c.table());
        }
        if (change instanceof DropTable d) {
            return "DROP TABLE " + table(d.table().name());
        }
        if (change instanceof RenameTable r) {
            return "ALTER TABLE " + table(r.from()) + " RENAME TO " + quote(r.to());
        }
        if (change instanceof AddColumn a) {
            return alter(a.table()) + "ADD COLUMN " + columnDefinition(a.column());
        }
        if (change instanceof DropColumn d) {
            return alter(d.table()) + "DROP COLUMN " + quote(d.column().name());
        }
        if (change instanceof RenameColumn r) {
            return alter(r.table()) + "RENAME COLUMN " + quote(r.from()) + " TO " + quote(r.to());
        }
        if (change instanceof AlterColumnType t) {
            return alter(t.table()) + "ALTER COLUMN " + quote(t.column()) + " TYPE " + type(t.to())
                    + " USING " + quote(t.column()) + "::" + type(t.to());
        }
        if (change instanceof AlterColumnNullability n) {
            return alter(n.table()) + "ALTER COLUMN " + quote(n.column())
                    + (n.nullable() ? " DROP NOT NULL" : " SET NOT NULL");
        }
        if (change instanceof AlterColumnDefault d) {
            return alter(d.table()) + "ALTER COLUMN " + quote(d.column())
                    + (d.to() == null ? " DROP DEFAULT" : " SET DEFAULT " + d.to());
        }
        if (change instanceof AlterColumnIdentity i) {
            return identity(i);
        }
        if (change instanceof AddPrimaryKey p) {
            return alter(p.table()) + "ADD CONSTRAINT " + quote(p.constraint().name())
                    + " PRIMARY KEY (" + quoteAll(p.constraint().columns()) + ")";
        }
        if (change instanceof DropPrimaryKey p) {
            return dropConstraint(p.table(), p.constraint().name());
        }
        if (change instanceof AddForeignKey f) {
            return alter(f.table()) + "ADD " + foreignKey(f.constraint());
        }
        if (change instanceof DropForeignKey f) {
            return dropConstraint(f.table(), f.constraint().name());
        }
        if (change instanceof AddUnique u) {
            return alter(u.table()) + "ADD CONSTRAINT " + quote(u.constraint().name())
                    + " UNIQUE (" + quoteAll(u.constraint().columns()) + ")";
        }
        if (change instanceof DropUnique u) {
            return dropConstraint(u.table(), u.constraint().name());
        }
        if (change instanceof AddCheck c) {
            return alter(c.table()) + "ADD " + check(c.constraint());
        }
        if (change instanceof DropCheck c) {
            return dropConstraint(c.table(), c.constraint().name());
        }
        if (change instanceof CreateIndex i) {
            return createIndex(i.table(), i.index());
        }
        if (change instanceof DropIndex i) {
            return "DROP INDEX " + qualified(i.index().name());
        }
        if (change instanceof CreateSequence s) {
            return "CREATE SEQUENCE " + qualified(s.sequence().name())
                    + " START WITH " + s.sequence().start() + " INCREMENT BY " + s.sequence().increment();
        }
        if (change instanceof DropSequence s) {
            return "DROP SEQUENCE " + qualified(s.sequence().name());
        }
        if (change instanceof AlterSequence s) {
            return "ALTER SEQUENCE " + qualified(s.to().name())
                    + " START WITH " + s.to().start() + " INCREMENT BY " + s.to().increment();
        }
        throw new IllegalArgumentException("no SQL for " + change);
    }

    private String createTable(Table t) {
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (t.primaryKey() != null) {
            parts.add("CONSTRAINT " + quote(t.primaryKey().name()) + " PRIMARY KEY (" + quoteAll(t.primaryKey().columns()) + ")");
        }
        t.uniques().forEach(u -> parts.add("CONSTRAINT " + quote(u.name()) + " UNIQUE (" + quoteAll(u.columns()) + ")"));
        t.checks().forEach(c -> parts.add(check(c)));
        return "CREATE TABLE " + table(t.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)";
    }

    private String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(type(c.type()));
        if (c.identity() != Identity.NONE) {
            sb.append(' ').append(c.identity().sql());
        } else {
            if (c.defaultValue() != null) {
                sb.append(" DEFAULT ").append(c.defaultValue());
            }
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
        }
        return sb.toString();
    }

    private String identity(AlterColumnIdentity i) {
        String column = alter(i.table()) + "ALTER COLUMN " + quote(i.column());
        if (i.to() == Identity.NONE) {
            return column + " DROP IDENTITY";
        }
        if (i.from() == Identity.NONE) {
            return column + " ADD " + i.to().sql();
        }
        return column + " SET GENERATED " + (i.to() == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT");
    }

    private String foreignKey(ForeignKey fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + quoteAll(fk.columns()) + ") REFERENCES "
                + table(fk.referencedTable()) + " (" + quoteAll(fk.referencedColumns()) + ")"
                + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql());
    }

    private String check(CheckConstraint c) {
        return "CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")";
    }

    private String createIndex(String table, Index ix) {
        String keys = ix.columns().stream().map(this::indexKey).collect(Collectors.joining(", "));
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + quote(ix.name()) + " ON " + table(table)
                + " (" + keys + ")" + (ix.where() == null ? "" : " WHERE " + ix.where());
    }

    private String indexKey(IndexColumn k) {
        String key = k.column() != null ? quote(k.column()) : "(" + k.expression() + ")";
        return k.descending() ? key + " DESC" : key;
    }

    private String dropConstraint(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + quote(name);
    }

    private String alter(String table) {
        return "ALTER TABLE " + table(table) + " ";
    }

    private String table(String name) {
        return qualified(name);
    }

    private String qualified(String name) {
        return "public".equals(schema) ? quote(name) : quote(schema) + "." + quote(name);
    }

    static String type(ColumnType type) {
        if (!SAFE_TYPE.matcher(type.sql()).matches()) {
            throw new IllegalArgumentException("refusing to write column type '" + type.sql()
                    + "' into SQL: it is not a plain PostgreSQL type name");
        }
        return type.sql();
    }
}
