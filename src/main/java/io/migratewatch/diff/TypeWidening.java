package io.migratewatch.diff;

import io.migratewatch.schema.ColumnType;

import java.util.List;

/** Which type changes keep every value that fits the old type: those need no review. */
final class TypeWidening {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private TypeWidening() {
    }

    static boolean isWidening(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.isArray() != to.isArray()) {
            return false;
        }
        String a = from.baseName();
        String b = to.baseName();
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) >= INTEGERS.indexOf(a);
        }
        if (INTEGERS.contains(a) && b.equals("numeric")) {
            int digits = to.firstArgument() < 0 ? Integer.MAX_VALUE : to.firstArgument() - Math.max(0, to.secondArgument());
            return digits >= switch (a) { case "smallint" -> 5; case "integer" -> 10; default -> 19; };
        }
        if (a.equals("real") && b.equals("double precision")) {
            return true;
        }
        if ((a.equals("varchar") || a.equals("char")) && b.equals("text")) {
            return true;
        }
        if (a.equals("varchar") && b.equals("varchar")) {
            return to.firstArgument() < 0 || (from.firstArgument() >= 0 && to.firstArgument() >= from.firstArgument());
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            if (to.firstArgument() < 0) {
                return true;
            }
            if (from.firstArgument() < 0) {
                return false;
            }
            int fromInt = from.firstArgument() - from.secondArgument();
            int toInt = to.firstArgument() - to.secondArgument();
            return toInt >= fromInt && to.secondArgument() >= from.secondArgument();
        }
        if (a.equals(b) && (a.startsWith("time") || a.equals("char"))) {
            return to.firstArgument() >= from.firstArgument();
        }
        return false;
    }
}
