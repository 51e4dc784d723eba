package io.migratewatch.fidelity;

/**
 * One thing a catalog says about a schema, as a line that is equal in two databases exactly when that thing is
 * the same in both: {@code column pet.name varchar(40) not null default=none}.
 *
 * @param table the table the fact belongs to; null for a sequence that no column owns
 * @param text  the fact itself, naming its table
 */
public record Fact(String table, String text) implements Comparable<Fact> {

    @Override
    public int compareTo(Fact other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
