package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The step markers of a migration section, as the file format reads them. */
class MigrationStepTest {

    private static final String FILE = """
            -- migrate-watch migration
            -- revision: cccc00000001
            -- parents: none
            -- description: index
            -- created: 2026-08-19T14:30:22Z
            -- generated: auto

            -- +up
            ALTER TABLE "t" ADD COLUMN "c" integer;

            -- +step no-transaction
            CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_t_c" ON "t" ("c");

            -- +down
            -- +step no-transaction
            DROP INDEX CONCURRENTLY IF EXISTS "ix_t_c";

            -- +step transaction
            ALTER TABLE "t" DROP COLUMN "c";
            """;

    @Test
    void markersSplitASectionIntoStepsEachWithTheLineItStartsOn() {
        MigrationFile m = MigrationFileFormat.parse(Path.of("m.sql"), FILE);
        List<MigrationStep> up = MigrationStep.of(m.up(), m.upLine());
        assertThat(up).extracting(MigrationStep::transactional).containsExactly(true, false);
        assertThat(up.get(1).statements()).extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"ix_t_c\" ON \"t\" (\"c\")", 12));
        List<MigrationStep> down = MigrationStep.of(m.down(), m.downLine());
        assertThat(down).extracting(MigrationStep::transactional).containsExactly(false, true);
        assertThat(down.get(1).statements().get(0).line()).isEqualTo(19);
    }

    @Test
    void theFileReadsBackUnchanged() {
        MigrationFile m = MigrationFileFormat.parse(Path.of("m.sql"), FILE);
        MigrationFile again = MigrationFileFormat.parse(Path.of("m.sql"), MigrationFileFormat.render(m));
        assertThat(again.up()).isEqualTo(m.up());
        assertThat(again.down()).isEqualTo(m.down());
        assertThat(again.checksum()).isEqualTo(m.checksum());
    }

    @Test
    void aSectionWithoutMarkersIsOneTransactionalStep() {
        assertThat(MigrationStep.hasSteps("CREATE TABLE a (id int);\nCREATE TABLE b (id int);")).isFalse();
        assertThat(MigrationStep.of("CREATE TABLE a (id int);\nCREATE TABLE b (id int);", 10))
                .singleElement().satisfies(s -> {
                    assertThat(s.transactional()).isTrue();
                    assertThat(s.statements()).hasSize(2);
                });
    }

    @Test
    void anUnknownMarkerIsAnErrorThatNamesItsLineAndTheMarkersThatExist() {
        String bad = FILE.replace("-- +step no-transaction\nCREATE INDEX", "-- +step autocommit\nCREATE INDEX");
        assertThatThrownBy(() -> MigrationFileFormat.parse(Path.of("m.sql"), bad))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("m.sql:11")
                .hasMessageContaining("'-- +step autocommit' is not a step marker: write '-- +step no-transaction' or '-- +step transaction'");
    }
}
