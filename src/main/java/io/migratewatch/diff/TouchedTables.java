package io.migratewatch.diff;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The tables a list of changes creates, alters or drops: all a check of their effect needs to read. */
public final class TouchedTables {

    private TouchedTables() {
    }

    public static Set<String> of(List<Change> changes) {
        Set<String> tables = new TreeSet<>();
        changes.forEach(c -> tables.addAll(c.tables()));
        return tables;
    }
}
