package io.migratewatch.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * Which tables and columns were renamed rather than dropped and added: from
 * {@code // @renamed from=old_name} comments in the sources and {@code generate --rename T.OLD=NEW}.
 *
 * @param tables  new table name → old table name
 * @param columns table name (new) → (new column name → old column name)
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        Map<String, Map<String, String>> copy = new HashMap<>();
        columns.forEach((t, m) -> copy.put(t, Map.copyOf(m)));
        columns = Map.copyOf(copy);
    }

    public Renames plus(Renames other) {
        Map<String, String> t = new HashMap<>(tables);
        t.putAll(other.tables);
        Map<String, Map<String, String>> c = new HashMap<>();
        columns.forEach((k, v) -> c.put(k, new HashMap<>(v)));
        other.columns.forEach((k, v) -> c.computeIfAbsent(k, x -> new HashMap<>()).putAll(v));
        return new Renames(t, c);
    }

    public String oldColumnName(String table, String newColumn) {
        return columns.getOrDefault(table, Map.of()).get(newColumn);
    }
}
