package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.db.DatabaseErrors;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationFile;
import io.migratewatch.migration.RevisionGraph;
import io.migratewatch.migration.Revisions;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.source.SourceException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code merge [DESCRIPTION]}: joins several heads (two branches that each added a migration) with a migration whose
 * parents are all of them. Each branch is replayed on top of their common ancestors into a scratch database; the tables
 * each branch changes are compared. Branches that change different tables need no SQL (empty sections). When two
 * branches change the same table, the branches are replayed one after the other and the merge migration carries what
 * brings those tables from that result to the models; when they do not even replay one after the other, nothing is
 * written and the failing file is named. Writes only the file; {@code upgrade} applies the branches and the merge.
 */
public final class Merge {

    /** The {@code generated} value of a merge migration. */
    public static final String GENERATED = "merge";

    /**
     * @param overlaps   each table that more than one branch changes, with the heads of those branches
     * @param reconciled the changes in the merge migration (empty when the branches change different tables)
     * @param note       why the models were not used to reconcile, else null
     */
    public record Result(MigrationFile file, List<String> heads, Map<String, List<String>> overlaps, List<Change> reconciled,
                         String note) {
    }

    private final Project project;

    public Merge(Project project) {
        this.project = project;
    }

    public Result run(String description) {
        RevisionGraph graph = project.migrations().graph();
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, heads.isEmpty() ? "there are no migrations to merge"
                    : "the migrations have one head (" + heads.get(0) + "): there is nothing to merge");
        }
        String named = description == null || description.isBlank()
                ? "merge heads " + inWords(heads.stream().map(r -> graph.get(r).orElseThrow().shortRevision()).toList())
                : description.strip();
        if (named.length() > HistoryTable.DESCRIPTION_LENGTH) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "the description has " + named.length()
                    + " characters; the history keeps at most " + HistoryTable.DESCRIPTION_LENGTH + ": say it shorter");
        }
        ReplaySchema replay = new ReplaySchema(project);
        Set<String> common = null;
        for (String head : heads) {
            Set<String> ancestors = graph.upTo(head).stream().map(MigrationFile::revision).collect(Collectors.toSet());
            if (common == null) {
                common = new LinkedHashSet<>(ancestors);
            } else {
                common.retainAll(ancestors);
            }
        }
        Set<String> base = common;
        try {
            Schema baseSchema = replay.replay(project.database(), graph.ordered().stream().filter(f -> base.contains(f.revision())).toList());
            Map<String, List<String>> touchedBy = new TreeMap<>();
            for (String head : heads) {
                Schema branch = replay.replay(project.database(), graph.upTo(head));
                Set<String> tables = new TreeSet<>();
                SchemaDiff.between(baseSchema, branch).changes().forEach(ch -> tables.addAll(ch.tables()));
                tables.forEach(t -> touchedBy.computeIfAbsent(t, k -> new ArrayList<>()).add(head));
            }
            Map<String, List<String>> overlaps = new TreeMap<>();
            touchedBy.forEach((table, by) -> {
                if (by.size() > 1) {
                    overlaps.put(table, List.copyOf(by));
                }
            });
            List<Change> reconcile = List.of();
            String note = null;
            if (!overlaps.isEmpty()) {
                Schema joined = joined(replay, graph, overlaps);
                try {
                    List<Change> toModels = project.comparison(joined, project.models(), Renames.NONE).diff().changes();
                    reconcile = toModels.stream().filter(ch -> ch.tables().stream().anyMatch(overlaps::containsKey)).toList();
                } catch (SourceException | MigrateWatchException e) {
                    note = "the models could not be read, so the merge migration is empty: " + e.getMessage().lines().findFirst().orElse("");
                }
            }
            List<Change> down = new ArrayList<>();
            reconcile.forEach(ch -> down.add(0, ch.reverse()));
            MigrationFile draft = new MigrationFile(null, Revisions.next(), heads, named, Instant.now(), GENERATED,
                    project.renderer().script(reconcile), project.renderer().script(down), 0, 0);
            return new Result(project.migrations().write(draft), heads, overlaps, reconcile, note);
        } catch (SQLException e) {
            throw DatabaseErrors.whileChanging("replaying the branches", e);
        }
    }

    /** {@code a and b}, {@code a, b and c}. */
    private static String inWords(List<String> items) {
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Every branch, one after the other, as {@code upgrade} will apply them; a branch that does not apply stops the merge. */
    private Schema joined(ReplaySchema replay, RevisionGraph graph, Map<String, List<String>> overlaps) throws SQLException {
        try {
            return replay.replay(project.database(), graph.ordered());
        } catch (ReplaySchema.ReplayFailed e) {
            throw new MigrateWatchException(ExitCode.PROBLEMS_FOUND, "the branches change the same "
                    + (overlaps.size() == 1 ? "table " : "tables ") + String.join(", ", overlaps.keySet())
                    + " and do not apply one after the other: " + e.getMessage()
                    + "\n  Change one branch's migration so that both apply (before it is deployed), then run migrate-watch merge again."
                    + " Nothing was written");
        }
    }
}
