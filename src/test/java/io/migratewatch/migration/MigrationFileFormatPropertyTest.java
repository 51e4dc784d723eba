package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a migration holds, writing it and reading it back gives the same migration. */
class MigrationFileFormatPropertyTest {

    private static final Path FILE = Path.of("migrations", "x.sql");

    @Property(tries = 300)
    void renderThenParseIsTheIdentity(@ForAll("migrations") MigrationFile m) {
        String text = MigrationFileFormat.render(m);

        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(parsed.revision()).isEqualTo(m.revision());
        assertThat(parsed.parents()).isEqualTo(m.parents());
        assertThat(parsed.description()).isEqualTo(m.description().strip());
        assertThat(parsed.created()).isEqualTo(m.created());
        assertThat(parsed.generated()).isEqualTo(m.generated());
        assertThat(parsed.up()).isEqualTo(m.up().strip());
        assertThat(parsed.down()).isEqualTo(m.down().strip());
        assertThat(parsed.checksum()).isEqualTo(m.checksum());
        List<String> lines = text.lines().toList();
        if (!parsed.up().isEmpty()) {
            assertThat(lines.get(parsed.upLine() - 1)).isEqualTo(parsed.up().lines().findFirst().orElseThrow());
        }
        if (!parsed.down().isEmpty()) {
            assertThat(lines.get(parsed.downLine() - 1)).isEqualTo(parsed.down().lines().findFirst().orElseThrow());
        }
        // and a second round changes nothing
        assertThat(MigrationFileFormat.parse(FILE, MigrationFileFormat.render(parsed))).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<MigrationFile> migrations() {
        Arbitrary<String> revision = Arbitraries.strings().withChars("0123456789abcdef").ofLength(12);
        Arbitrary<List<String>> parents = revision.list().ofMaxSize(3);
        Arbitrary<String> description = Arbitraries.strings().withCharRange(' ', '~').withChars("äé€✓").ofMaxLength(80);
        Arbitrary<Instant> created = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<String> generated = Arbitraries.of("auto", "manual", "baseline", "merge");
        Arbitrary<String> sqlLine = Arbitraries.of(
                "CREATE TABLE \"a\" (\"id\" integer);", "  ALTER TABLE \"a\" ADD COLUMN \"b\" text;", "",
                "-- a comment: with a colon", "INSERT INTO \"a\" VALUES (1, 'x; y');", "/* block */ SELECT 1;",
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;", "   ");
        Arbitrary<String> section = sqlLine.list().ofMaxSize(6).map(l -> String.join("\n", l));
        return Combinators.combine(revision, parents, description, created, generated, section, section)
                .as((r, p, d, c, g, up, down) -> new MigrationFile(null, r, p, d, c, g, up, down, 0, 0));
    }
}
