package io.migratewatch.cli;

import io.migratewatch.source.SourceProblem;
import io.migratewatch.workflow.Upgrade;

import java.util.List;

/** Output shared by several commands. */
final class Printing {

    private Printing() {
    }

    static void warnings(MigrateWatchCommand root, List<SourceProblem> warnings) {
        for (SourceProblem w : warnings) {
            root.err.println("⚠ " + w.format());
        }
    }

    static void steps(MigrateWatchCommand root, Upgrade.Result result, String verb, String nothing) {
        if (result.sql() != null) {
            root.out.println(result.sql());
            return;
        }
        if (result.applied().isEmpty()) {
            root.out.println(nothing);
            return;
        }
        for (Upgrade.Step step : result.applied()) {
            root.out.println("✓ " + verb + " " + step.migration().fileName() + " in " + step.millis() + " ms");
        }
    }
}
