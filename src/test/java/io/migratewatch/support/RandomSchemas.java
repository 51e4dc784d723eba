package io.migratewatch.support;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but valid schemas for property tests. A column name always belongs to one type family
 * (so a type change between two schemas is one PostgreSQL can cast), names include keywords,
 * upper case, spaces and quotes, and constraints refer only to columns that exist.
 */
public final class RandomSchemas {

    private static final List<String> TABLES = List.of("alpha", "beta", "order", "user", "Mixed Table", "qu\"ote");

    /** column name → the types it may take */
    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("id", List.of("bigint", "integer")),
            Map.entry("code", List.of("varchar(20)", "varchar(40)", "varchar(255)", "text")),
            Map.entry("qty", List.of("integer", "bigint", "smallint")),
            Map.entry("price", List.of("numeric(10,2)", "numeric(12,2)", "numeric(38,2)")),
            Map.entry("flag", List.of("boolean")),
            Map.entry("note", List.of("text", "varchar(255)")),
            Map.entry("created", List.of("timestamp(6)", "timestamp(6) with time zone", "date")),
            Map.entry("ref", List.of("uuid")),
            Map.entry("data", List.of("jsonb", "json")),
            Map.entry("blob", List.of("bytea")),
            Map.entry("tags", List.of("varchar(20)[]", "integer[]")),
            Map.entry("order", List.of("integer", "bigint")),
            Map.entry("Select", List.of("double precision", "real")));

    private static final List<String> COLUMN_NAMES = COLUMNS.keySet().stream().sorted().toList();

    private RandomSchemas() {
    }

    public static Schema schema(Random r) {
        List<Table> tables = new ArrayList<>();
        for (String name : TABLES) {
            if (r.nextInt(3) > 0) {
                tables.add(table(r, name));
            }
        }
        tables = withForeignKeys(r, tables);
        List<Sequence> sequences = new ArrayList<>();
        if (r.nextBoolean()) {
            sequences.add(new Sequence("alpha_seq", 1, r.nextBoolean() ? 1 : 50));
        }
        if (r.nextBoolean()) {
            sequences.add(new Sequence("global_seq", r.nextBoolean() ? 1 : 100, 50));
        }
        return Schema.of(tables, sequences);
    }

    private static Table table(Random r, String name) {
        List<Column> columns = new ArrayList<>();
        for (String c : COLUMN_NAMES) {
            if (c.equals("id") || r.nextInt(3) == 0) {
                columns.add(column(r, c));
            }
        }
        Column id = columns.stream().filter(c -> c.name().equals("id")).findFirst().orElseThrow();
        PrimaryKey pk = null;
        if (r.nextInt(4) > 0) {
            columns.set(columns.indexOf(id), id.withNullable(false));
            pk = new PrimaryKey(null, List.of("id"));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (Column c : columns) {
            if (c.name().equals("id") || c.type().isArray() || c.type().baseName().startsWith("json")) {
                continue;
            }
            switch (r.nextInt(8)) {
                case 0 -> uniques.add(new UniqueConstraint(null, List.of(c.name())));
                case 1 -> indexes.add(new Index(null, List.of(r.nextBoolean() ? IndexColumn.of(c.name()) : IndexColumn.descending(c.name())),
                        r.nextBoolean(), r.nextBoolean() ? quote(c.name()) + " IS NOT NULL" : null));
                case 2 -> {
                    if (List.of("integer", "bigint", "smallint").contains(c.type().sql())) {
                        checks.add(new CheckConstraint(name + "_" + c.name() + "_check", quote(c.name()) + " >= 0"));
                    }
                }
                default -> { }
            }
        }
        return new Table(name, columns, pk, List.of(), uniques, indexes, checks);
    }

    private static Column column(Random r, String name) {
        List<String> types = COLUMNS.get(name);
        ColumnType type = ColumnType.of(types.get(r.nextInt(types.size())));
        boolean nullable = r.nextBoolean();
        String def = null;
        Identity identity = Identity.NONE;
        if (name.equals("id") && List.of("bigint", "integer").contains(type.sql()) && r.nextInt(3) == 0) {
            identity = r.nextBoolean() ? Identity.BY_DEFAULT : Identity.ALWAYS;
        } else if (!type.isArray() && r.nextInt(4) == 0) {
            def = switch (type.baseName()) {
                case "integer", "bigint", "smallint", "numeric", "double precision", "real" -> "0";
                case "varchar", "text" -> "'it''s'";
                case "boolean" -> "true";
                case "timestamp", "timestamp with time zone", "date" -> "now()";
                default -> null;
            };
        }
        return new Column(name, type, nullable, def, identity);
    }

    /** Some tables reference another table's single-column primary key through a column of the same type. */
    private static List<Table> withForeignKeys(Random r, List<Table> tables) {
        List<Table> result = new ArrayList<>();
        ReferentialAction[] actions = ReferentialAction.values();
        for (Table t : tables) {
            List<ForeignKey> fks = new ArrayList<>();
            for (Table target : tables) {
                if (target.primaryKey() == null || r.nextInt(3) != 0) {
                    continue;
                }
                ColumnType pkType = target.column("id").orElseThrow().type();
                for (Column c : t.columns()) {
                    if ((c.name().equals("qty") || c.name().equals("order")) && c.type().equals(pkType)) {
                        ReferentialAction action = actions[r.nextInt(actions.length)];
                        if (action == ReferentialAction.SET_NULL && !c.nullable()) {
                            action = ReferentialAction.CASCADE;
                        }
                        fks.add(new ForeignKey("fk_" + t.name() + "_" + c.name() + "_" + target.name(),
                                List.of(c.name()), target.name(), List.of("id"), action));
                        break;
                    }
                }
            }
            result.add(t.withForeignKeys(fks));
        }
        return result;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
