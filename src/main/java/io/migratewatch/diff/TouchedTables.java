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
        for (Change c : changes) {
            if (c instanceof CreateTable t) {
                tables.add(t.table().name());
            } else if (c instanceof DropTable t) {
                tables.add(t.table().name());
            } else if (c instanceof RenameTable r) {
                tables.add(r.from());
                tables.add(r.to());
            } else if (c instanceof AddColumn x) {
                tables.add(x.table());
            } else if (c instanceof DropColumn x) {
                tables.add(x.table());
            } else if (c instanceof RenameColumn x) {
                tables.add(x.table());
            } else if (c instanceof AlterColumnType x) {
                tables.add(x.table());
            } else if (c instanceof AlterColumnNullability x) {
                tables.add(x.table());
            } else if (c instanceof AlterColumnDefault x) {
                tables.add(x.table());
            } else if (c instanceof AlterColumnIdentity x) {
                tables.add(x.table());
            } else if (c instanceof AddPrimaryKey x) {
                tables.add(x.table());
            } else if (c instanceof DropPrimaryKey x) {
                tables.add(x.table());
            } else if (c instanceof AddForeignKey x) {
                tables.add(x.table());
            } else if (c instanceof DropForeignKey x) {
                tables.add(x.table());
            } else if (c instanceof AddUnique x) {
                tables.add(x.table());
            } else if (c instanceof DropUnique x) {
                tables.add(x.table());
            } else if (c instanceof CreateIndex x) {
                tables.add(x.table());
            } else if (c instanceof DropIndex x) {
                tables.add(x.table());
            } else if (c instanceof AddCheck x) {
                tables.add(x.table());
            } else if (c instanceof DropCheck x) {
                tables.add(x.table());
            }
            // sequence changes touch no table; sequences are always read whole
        }
        return tables;
    }
}
