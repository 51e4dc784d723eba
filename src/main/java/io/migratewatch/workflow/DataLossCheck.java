package io.migratewatch.workflow;

import io.migratewatch.diff.AddColumn;
import io.migratewatch.diff.AlterColumnNullability;
import io.migratewatch.diff.AlterColumnType;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.DropColumn;
import io.migratewatch.diff.DropTable;
import io.migratewatch.introspect.DataProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, on the live data, what each risky change would cost. A change that can lose data but
 * touches no values is not destructive: dropping an empty column needs no review.
 */
public final class DataLossCheck {

    private DataLossCheck() {
    }

    public static List<DataLoss> check(Connection c, String schema, List<Change> changes) throws SQLException {
        List<DataLoss> losses = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof DropTable d) {
                long rows = DataProbe.rowCount(c, schema, d.table().name());
                if (rows > 0) {
                    losses.add(new DataLoss(change, rows, "drops table " + d.table().name() + " (" + count(rows, "row") + ")"));
                }
            } else if (change instanceof DropColumn d) {
                long values = DataProbe.nonNullCount(c, schema, d.table(), d.column().name());
                if (values > 0) {
                    losses.add(new DataLoss(change, values, "drops column " + d.table() + "." + d.column().name() + " (" + count(values, "value") + ")"));
                }
            } else if (change instanceof AlterColumnType t && t.canLoseData()) {
                long values = DataProbe.nonNullCount(c, schema, t.table(), t.column());
                if (values > 0) {
                    losses.add(new DataLoss(change, values, "narrows " + t.table() + "." + t.column() + " from " + t.from() + " to " + t.to()
                            + " (" + count(values, "value") + " may not fit)"));
                }
            } else if (change instanceof AddColumn a && a.needsEmptyTable()) {
                long rows = DataProbe.rowCount(c, schema, a.table());
                if (rows > 0) {
                    losses.add(new DataLoss(change, rows, "adds NOT NULL column " + a.table() + "." + a.column().name()
                            + " without a default to a table with " + count(rows, "row") + ": give it a default (@ColumnDefault) or make it nullable first"));
                }
            } else if (change instanceof AlterColumnNullability n && !n.nullable()) {
                long rows = DataProbe.rowCount(c, schema, n.table()) - DataProbe.nonNullCount(c, schema, n.table(), n.column());
                if (rows > 0) {
                    losses.add(new DataLoss(change, rows, "makes " + n.table() + "." + n.column() + " NOT NULL while " + count(rows, "row")
                            + " hold NULL there: fill them first"));
                }
            }
        }
        return losses;
    }

    /** {@code 1,204 values}, {@code 1 value}. */
    static String count(long n, String noun) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
