package io.migratewatch.migration;

import static io.migratewatch.migration.Migrations.migration;
import static io.migratewatch.migration.Migrations.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    private static final String A = rev('a');
    private static final String B = rev('b');
    private static final String C = rev('c');
    private static final String D = rev('d');
    private static final String E = rev('e');

    private static List<String> revisions(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::revision).toList();
    }

    @Test
    void emptyGraph() {
        RevisionGraph graph = RevisionGraph.of(List.of());

        assertThat(graph.isEmpty()).isTrue();
        assertThat(graph.heads()).isEmpty();
        assertThat(graph.ordered()).isEmpty();
        assertThat(graph.find("a")).isEmpty();
    }

    @Test
    void aChainIsOrderedParentsFirstWhateverOrderTheFilesCameIn() {
        // created times deliberately disagree with the parent order: parents still come first
        MigrationFile a = migration(A, List.of(), 30);
        MigrationFile b = migration(B, List.of(A), 20);
        MigrationFile c = migration(C, List.of(B), 10);
        for (long seed = 0; seed < 10; seed++) {
            List<MigrationFile> files = new ArrayList<>(List.of(a, b, c));
            Collections.shuffle(files, new Random(seed));

            RevisionGraph graph = RevisionGraph.of(files);

            assertThat(revisions(graph.ordered())).containsExactly(A, B, C);
            assertThat(graph.heads()).containsExactly(C);
            assertThat(graph.isEmpty()).isFalse();
        }
    }

    @Test
    void branchesGiveTwoHeadsAndSiblingsAreOrderedOldestFirst() {
        MigrationFile a = migration(A, List.of(), 0);
        MigrationFile b = migration(B, List.of(A), 20);
        MigrationFile c = migration(C, List.of(A), 10);

        RevisionGraph graph = RevisionGraph.of(List.of(b, a, c));

        assertThat(revisions(graph.ordered())).containsExactly(A, C, B);
        assertThat(graph.heads()).containsExactlyInAnyOrder(B, C);
    }

    @Test
    void aMergeJoinsTheHeadsAndComesAfterBothParents() {
        MigrationFile a = migration(A, List.of(), 0);
        MigrationFile b = migration(B, List.of(A), 10);
        MigrationFile c = migration(C, List.of(A), 20);
        MigrationFile d = migration(D, List.of(B, C), 5);
        MigrationFile e = migration(E, List.of(D), 40);

        RevisionGraph graph = RevisionGraph.of(List.of(e, d, c, b, a));

        List<String> order = revisions(graph.ordered());
        assertThat(order).containsExactly(A, B, C, D, E);
        assertThat(graph.heads()).containsExactly(E);
    }

    @Test
    void findsByRevisionOrUnambiguousPrefix() {
        MigrationFile one = migration("3f4a5b6c7d8e", List.of(), 0);
        MigrationFile two = migration("3f4a99999999", List.of("3f4a5b6c7d8e"), 1);
        MigrationFile three = migration("0123456789ab", List.of("3f4a99999999"), 2);
        RevisionGraph graph = RevisionGraph.of(List.of(one, two, three));

        assertThat(graph.find("3f4a5b6c7d8e")).contains(one);
        assertThat(graph.find("3f4a5")).contains(one);
        assertThat(graph.find("3f4a9")).contains(two);
        assertThat(graph.find("01")).contains(three);
        assertThat(graph.find("3f4a")).as("ambiguous prefix").isEmpty();
        assertThat(graph.find("ffff")).as("unknown").isEmpty();
        assertThat(graph.get("3f4a5")).as("get wants the whole revision").isEmpty();
        assertThat(graph.get("3f4a5b6c7d8e")).contains(one);
    }

    @Test
    void upToIsTheRevisionAndItsAncestorsInOrder() {
        MigrationFile a = migration(A, List.of(), 0);
        MigrationFile b = migration(B, List.of(A), 10);
        MigrationFile c = migration(C, List.of(A), 20);
        MigrationFile d = migration(D, List.of(B, C), 30);
        MigrationFile e = migration(E, List.of(D), 40);
        RevisionGraph graph = RevisionGraph.of(List.of(a, b, c, d, e));

        assertThat(revisions(graph.upTo(A))).containsExactly(A);
        assertThat(revisions(graph.upTo(B))).containsExactly(A, B);
        assertThat(revisions(graph.upTo(C))).containsExactly(A, C);
        assertThat(revisions(graph.upTo(D))).containsExactly(A, B, C, D);
        assertThat(revisions(graph.upTo(E))).containsExactly(A, B, C, D, E);
    }

    @Test
    void unknownParentNamesTheFileAndTheParent() {
        MigrationFile a = migration(A, List.of(), 0);
        MigrationFile b = migration(B, List.of(C), 10);

        assertThatThrownBy(() -> RevisionGraph.of(List.of(a, b)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith(b.path() + ":3: ")
                .hasMessageContaining("unknown parent " + C)
                .satisfies(ex -> assertThat(((MigrateWatchException) ex).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void duplicateRevisionNamesBothFiles() {
        MigrationFile a = migration(A, List.of(), 0);
        MigrationFile copy = new MigrationFile(java.nio.file.Path.of("migrations", "copy.sql"), A, List.of(), "copy",
                Migrations.T0, "manual", "SELECT 1;", "SELECT 2;", 9, 12);

        assertThatThrownBy(() -> RevisionGraph.of(List.of(a, copy)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith(copy.path() + ":2: ")
                .hasMessageContaining("revision " + A + " is also used by " + a.fileName())
                .satisfies(ex -> assertThat(((MigrateWatchException) ex).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aCycleIsAnErrorNamingAFileOfTheCycle() {
        MigrationFile root = migration(A, List.of(), 0);
        MigrationFile b = migration(B, List.of(C), 10);
        MigrationFile c = migration(C, List.of(B), 20);

        assertThatThrownBy(() -> RevisionGraph.of(List.of(root, b, c)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("cycle")
                .hasMessageMatching("(?s)migrations/(" + B + "|" + C + ")\\.sql:3: .*")
                .satisfies(ex -> assertThat(((MigrateWatchException) ex).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aMigrationThatIsItsOwnParentIsACycle() {
        MigrationFile a = migration(A, List.of(A), 0);

        assertThatThrownBy(() -> RevisionGraph.of(List.of(a)))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(a.path().toString())
                .hasMessageContaining("cycle");
    }
}
