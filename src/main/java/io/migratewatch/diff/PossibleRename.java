package io.migratewatch.diff;

/** A dropped and an added column of the same type in one table: perhaps one column renamed. */
public record PossibleRename(String table, String from, String to) {

    /** The generate option that makes it a rename. */
    public String option() {
        return "--rename " + table + "." + from + "=" + to;
    }
}
