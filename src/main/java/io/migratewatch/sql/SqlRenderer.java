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
import io.migratewatch.diff.RenameConstraint;
import io.migratewatch.diff.RenameIndex;
import io.migratewatch.diff.RenameTable;
import io.migratewatch.diff.SetComment;
import io.migratewatch.schema.Identifiers;
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
import java.util.stream.Collectors;

import static io.migratewatch.schema.Identifiers.quote;
import static io.migratewatch.schema.Identifiers.quoteAll;

/**
 * PostgreSQL DDL for changes. Every identifier is quoted; the changes arrive already in a valid
 * order (see the diff), so this is a pure, statement-per-change translation.
 */
public final class SqlRenderer {

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
        return change.accept(statement);
    }

    /** One statement per change type: a new change type does not compile until it has its SQL here. */
    private final Change.Visitor<String> statement = new Change.Visitor<>() {
        @Override
        public String createTable(CreateTable c) {
            return SqlRenderer.this.createTable(c.table());
        }

        @Override
        public String dropTable(DropTable c) {
            return "DROP TABLE " + table(c.table().name());
        }

        @Override
        public String renameTable(RenameTable c) {
            return "ALTER TABLE " + table(c.from()) + " RENAME TO " + quote(c.to());
        }

        @Override
        public String addColumn(AddColumn c) {
            return alter(c.table()) + "ADD COLUMN " + columnDefinition(c.column());
        }

        @Override
        public String dropColumn(DropColumn c) {
            return alter(c.table()) + "DROP COLUMN " + quote(c.column().name());
        }

        @Override
        public String renameColumn(RenameColumn c) {
            return alter(c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to());
        }

        @Override
        public String renameConstraint(RenameConstraint c) {
            return alter(c.table()) + "RENAME CONSTRAINT " + quote(c.from()) + " TO " + quote(c.to());
        }

        @Override
        public String renameIndex(RenameIndex c) {
            return "ALTER INDEX " + qualified(c.from()) + " RENAME TO " + quote(c.to());
        }

        @Override
        public String alterColumnType(AlterColumnType c) {
            return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " TYPE " + type(c.to())
                    + " USING " + quote(c.column()) + "::" + type(c.to());
        }

        @Override
        public String alterColumnNullability(AlterColumnNullability c) {
            return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + (c.nullable() ? " DROP NOT NULL" : " SET NOT NULL");
        }

        @Override
        public String alterColumnDefault(AlterColumnDefault c) {
            return alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + (c.to() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.to());
        }

        @Override
        public String alterColumnIdentity(AlterColumnIdentity c) {
            return identity(c);
        }

        @Override
        public String addPrimaryKey(AddPrimaryKey c) {
            return alter(c.table()) + "ADD CONSTRAINT " + quote(c.constraint().name())
                    + " PRIMARY KEY (" + quoteAll(c.constraint().columns()) + ")";
        }

        @Override
        public String dropPrimaryKey(DropPrimaryKey c) {
            return dropConstraint(c.table(), c.constraint().name());
        }

        @Override
        public String addForeignKey(AddForeignKey c) {
            return alter(c.table()) + "ADD " + foreignKey(c.constraint());
        }

        @Override
        public String dropForeignKey(DropForeignKey c) {
            return dropConstraint(c.table(), c.constraint().name());
        }

        @Override
        public String addUnique(AddUnique c) {
            return alter(c.table()) + "ADD CONSTRAINT " + quote(c.constraint().name())
                    + " UNIQUE (" + quoteAll(c.constraint().columns()) + ")";
        }

        @Override
        public String dropUnique(DropUnique c) {
            return dropConstraint(c.table(), c.constraint().name());
        }

        @Override
        public String createIndex(CreateIndex c) {
            return SqlRenderer.this.createIndex(c.table(), c.index());
        }

        @Override
        public String dropIndex(DropIndex c) {
            return "DROP INDEX " + qualified(c.index().name());
        }

        @Override
        public String addCheck(AddCheck c) {
            return alter(c.table()) + "ADD " + check(c.constraint());
        }

        @Override
        public String dropCheck(DropCheck c) {
            return dropConstraint(c.table(), c.constraint().name());
        }

        @Override
        public String createSequence(CreateSequence c) {
            return "CREATE SEQUENCE " + qualified(c.sequence().name())
                    + " START WITH " + c.sequence().start() + " INCREMENT BY " + c.sequence().increment();
        }

        @Override
        public String dropSequence(DropSequence c) {
            return "DROP SEQUENCE " + qualified(c.sequence().name());
        }

        @Override
        public String setComment(SetComment c) {
            String on = c.target().isTable() ? "COMMENT ON TABLE " + table(c.target().table())
                    : "COMMENT ON COLUMN " + table(c.target().table()) + "." + quote(c.target().column());
            return on + " IS " + (c.to() == null ? "NULL" : Identifiers.literal(c.to()));
        }

        @Override
        public String alterSequence(AlterSequence c) {
            return "ALTER SEQUENCE " + qualified(c.to().name())
                    + " START WITH " + c.to().start() + " INCREMENT BY " + c.to().increment();
        }
    };

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

    /** A table, sequence or index name as the statements write it: quoted, and schema-qualified outside public. */
    public String name(String name) {
        return qualified(name);
    }

    private String qualified(String name) {
        return "public".equals(schema) ? quote(name) : quote(schema) + "." + quote(name);
    }

    static String type(ColumnType type) {
        // type names come from the model; anything else (a semicolon, a comment) is refused rather than pasted
        if (!type.isPlain()) {
            throw new IllegalArgumentException("refusing to write column type '" + type.sql()
                    + "' into SQL: it is not a plain PostgreSQL type name");
        }
        return type.sql();
    }
}
