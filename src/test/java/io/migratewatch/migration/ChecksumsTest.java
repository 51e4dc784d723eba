package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static final String UP = "CREATE TABLE \"users\" (\"id\" bigint);\nALTER TABLE \"users\" ADD COLUMN \"email\" varchar(255);";
    private static final String DOWN = "DROP TABLE \"users\";";

    @Test
    void isSixteenHexDigitsAndStable() {
        String sum = Checksums.of(UP, DOWN);

        assertThat(sum).matches("[0-9a-f]{16}");
        assertThat(Checksums.of(UP, DOWN)).isEqualTo(sum);
    }

    @Test
    void lineEndingsDoNotCount() {
        String sum = Checksums.of(UP, DOWN);

        assertThat(Checksums.of(UP.replace("\n", "\r\n"), DOWN.replace("\n", "\r\n"))).isEqualTo(sum);
        assertThat(Checksums.of(UP.replace("\n", "\r"), DOWN)).isEqualTo(sum);
    }

    @Test
    void trailingWhitespaceAndBlankLinesDoNotCount() {
        String sum = Checksums.of(UP, DOWN);

        assertThat(Checksums.of(UP.replace(";", ";   \t") + "\n\n   \n", DOWN + "\n\n")).isEqualTo(sum);
        assertThat(Checksums.of("\n\n" + UP, "\n" + DOWN)).isEqualTo(sum);
    }

    @Test
    void aChangedStatementChangesTheChecksum() {
        String sum = Checksums.of(UP, DOWN);

        assertThat(Checksums.of(UP.replace("varchar(255)", "varchar(256)"), DOWN)).isNotEqualTo(sum);
        assertThat(Checksums.of(UP, DOWN.replace("DROP TABLE", "DROP TABLE IF EXISTS"))).isNotEqualTo(sum);
        assertThat(Checksums.of(UP + "\nSELECT 1;", DOWN)).isNotEqualTo(sum);
        // a line break in the middle of a statement is a change, not trailing whitespace
        assertThat(Checksums.of(UP.replace("ADD COLUMN", "ADD\nCOLUMN"), DOWN)).isNotEqualTo(sum);
    }

    @Test
    void movingAStatementFromUpToDownChangesTheChecksum() {
        assertThat(Checksums.of("SELECT 1;\nSELECT 2;", "")).isNotEqualTo(Checksums.of("SELECT 1;", "SELECT 2;"));
        assertThat(Checksums.of("SELECT 1;", "")).isNotEqualTo(Checksums.of("", "SELECT 1;"));
    }

    @Test
    void aFileEditedWithWindowsLineEndingsAndStraySpacesKeepsItsChecksum() {
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "add users", Migrations.T0, "auto", UP, DOWN, 0, 0);
        String text = MigrationFileFormat.render(m);
        String edited = text.replace(";\n", ";  \n").replace("\n", "\r\n") + "\r\n\r\n";

        MigrationFile reread = MigrationFileFormat.parse(Path.of("x.sql"), edited);

        assertThat(reread.checksum()).isEqualTo(m.checksum());
    }

    @Property(tries = 200)
    void whitespaceOnlyEditsNeverChangeTheChecksum(@ForAll("sql") List<String> lines, @ForAll("spaces") String pad,
                                                  @ForAll boolean crlf) {
        String up = String.join("\n", lines);
        String lineEnd = crlf ? "\r\n" : "\n";
        String edited = String.join(lineEnd, lines.stream().map(l -> l + pad).toList()) + lineEnd + pad + lineEnd;

        assertThat(Checksums.of(edited, "SELECT 1;")).isEqualTo(Checksums.of(up, "SELECT 1;"));
    }

    @Property(tries = 200)
    void anyChangeToAStatementChangesTheChecksum(@ForAll("sql") List<String> lines, @ForAll("words") String extra) {
        String up = String.join("\n", lines);
        String changed = up + " " + extra;

        assertThat(Checksums.of(changed, "")).isNotEqualTo(Checksums.of(up, ""));
    }

    @Provide
    Arbitrary<List<String>> sql() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)
                .map(s -> "SELECT '" + s.replace("'", "''") + "';").list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(4);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    }
}
