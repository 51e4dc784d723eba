package io.migratewatch.workflow;

import io.migratewatch.diff.Change;

import java.util.List;
import java.util.stream.Collectors;

/** A migration description made from its changes: {@code add users.email, create table invoices}. */
final class Descriptions {

    private static final int SHOWN = 3;

    private Descriptions() {
    }

    static String of(List<Change> changes) {
        // constraint and index changes follow from column and table changes: name those first
        List<Change> main = changes.stream().filter(Descriptions::isPrimary).toList();
        List<Change> named = main.isEmpty() ? changes : main;
        String text = named.stream().limit(SHOWN).map(Change::describe).collect(Collectors.joining(", "));
        int rest = named.size() - SHOWN;
        return rest > 0 ? text + " and " + rest + " more" : text;
    }

    /** Table and column changes say what a migration is about; sequences, keys and indexes follow from them. */
    private static boolean isPrimary(Change c) {
        return c.subject() == Change.Subject.TABLE || c.subject() == Change.Subject.COLUMN;
    }
}
