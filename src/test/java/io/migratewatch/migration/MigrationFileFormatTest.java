package io.migratewatch.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class MigrationFileFormatTest {

    private static final Path FILE = Path.of("migrations", "20260819_143022_3f4a5b6c7d8e_add_user_email.sql");

    private static MigrationFile sample(List<String> parents) {
        return new MigrationFile(null, "3f4a5b6c7d8e", parents, "add user email", Instant.parse("2026-08-19T14:30:22Z"),
                "auto",
                "ALTER TABLE \"users\" ADD COLUMN \"email\" varchar(255);\nCREATE INDEX \"users_email_idx\" ON \"users\" (\"email\");",
                "DROP INDEX \"users_email_idx\";\nALTER TABLE \"users\" DROP COLUMN \"email\";", 0, 0);
    }

    /** The 1-based line of the file on which {@code text} starts. */
    private static int lineOf(String file, String text) {
        List<String> lines = file.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + text + " in\n" + file);
    }

    @Test
    void renderedFileHasTheDocumentedShape() {
        String text = MigrationFileFormat.render(sample(List.of("1a2b3c4d5e6f")));

        assertThat(text).isEqualTo("""
                -- migrate-watch migration
                -- revision: 3f4a5b6c7d8e
                -- parents: 1a2b3c4d5e6f
                -- description: add user email
                -- created: 2026-08-19T14:30:22Z
                -- generated: auto

                -- +up
                ALTER TABLE "users" ADD COLUMN "email" varchar(255);
                CREATE INDEX "users_email_idx" ON "users" ("email");

                -- +down
                DROP INDEX "users_email_idx";
                ALTER TABLE "users" DROP COLUMN "email";
                """);
    }

    @Test
    void renderThenParseGivesBackEveryField() {
        MigrationFile original = sample(List.of("1a2b3c4d5e6f"));
        String text = MigrationFileFormat.render(original);

        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(parsed.path()).isEqualTo(FILE);
        assertThat(parsed.revision()).isEqualTo("3f4a5b6c7d8e");
        assertThat(parsed.parents()).containsExactly("1a2b3c4d5e6f");
        assertThat(parsed.description()).isEqualTo("add user email");
        assertThat(parsed.created()).isEqualTo(Instant.parse("2026-08-19T14:30:22Z"));
        assertThat(parsed.generated()).isEqualTo("auto");
        assertThat(parsed.up()).isEqualTo(original.up());
        assertThat(parsed.down()).isEqualTo(original.down());
        assertThat(parsed.checksum()).isEqualTo(original.checksum());
        assertThat(parsed.fileName()).isEqualTo(FILE.getFileName().toString());
    }

    @Test
    void upLineAndDownLinePointAtTheFirstSqlLineOfEachSection() {
        String text = MigrationFileFormat.render(sample(List.of("1a2b3c4d5e6f")));

        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(parsed.upLine()).isEqualTo(9).isEqualTo(lineOf(text, "ALTER TABLE \"users\" ADD COLUMN \"email\" varchar(255);"));
        assertThat(parsed.downLine()).isEqualTo(13).isEqualTo(lineOf(text, "DROP INDEX \"users_email_idx\";"));
    }

    @Test
    void sectionLinesSkipBlankLinesAndCountHandWrittenHeaderComments() {
        String text = """
                -- migrate-watch migration
                -- revision: 3f4a5b6c7d8e
                -- parents: none
                -- description: hand written
                -- a note a reviewer left
                -- created: 2026-08-19T14:30:22Z
                -- generated: manual
                -- +up


                CREATE TABLE "a" ("id" integer);
                -- +down

                DROP TABLE "a";
                """;

        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(parsed.upLine()).isEqualTo(lineOf(text, "CREATE TABLE \"a\" (\"id\" integer);")).isEqualTo(11);
        assertThat(parsed.downLine()).isEqualTo(lineOf(text, "DROP TABLE \"a\";")).isEqualTo(14);
        assertThat(parsed.up()).isEqualTo("CREATE TABLE \"a\" (\"id\" integer);");
        assertThat(parsed.down()).isEqualTo("DROP TABLE \"a\";");
        assertThat(parsed.parents()).isEmpty();
    }

    @Test
    void windowsLineEndingsParseLikeUnixOnes() {
        String unix = MigrationFileFormat.render(sample(List.of("1a2b3c4d5e6f")));
        String windows = unix.replace("\n", "\r\n");

        MigrationFile a = MigrationFileFormat.parse(FILE, unix);
        MigrationFile b = MigrationFileFormat.parse(FILE, windows);

        assertThat(b).isEqualTo(a);
        assertThat(b.up()).doesNotContain("\r");
        assertThat(b.checksum()).isEqualTo(a.checksum());
    }

    @Test
    void aFileSavedWithAByteOrderMarkStillParses() {
        // editors on Windows often save UTF-8 with a BOM; Files.readString keeps it
        String text = "\uFEFF" + MigrationFileFormat.render(sample(List.of()));

        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(parsed.revision()).isEqualTo("3f4a5b6c7d8e");
        assertThat(parsed.upLine()).isEqualTo(9);
    }

    @Test
    void firstMigrationHasNoParentsAndAMergeHasTwo() {
        MigrationFile first = MigrationFileFormat.parse(FILE, MigrationFileFormat.render(sample(List.of())));
        MigrationFile merge = MigrationFileFormat.parse(FILE,
                MigrationFileFormat.render(sample(List.of("1a2b3c4d5e6f", "aaaaaaaaaaaa"))));

        assertThat(MigrationFileFormat.render(sample(List.of()))).contains("-- parents: none\n");
        assertThat(first.parents()).isEmpty();
        assertThat(merge.parents()).containsExactly("1a2b3c4d5e6f", "aaaaaaaaaaaa");
    }

    @Test
    void parentsMayBeSeparatedByCommasInAHandWrittenFile() {
        String text = MigrationFileFormat.render(sample(List.of()))
                .replace("-- parents: none", "-- parents: 1a2b3c4d5e6f, aaaaaaaaaaaa");

        assertThat(MigrationFileFormat.parse(FILE, text).parents()).containsExactly("1a2b3c4d5e6f", "aaaaaaaaaaaa");
    }

    @Test
    void createdTimeIsWrittenToTheSecond() {
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "x", Instant.parse("2026-08-19T14:30:22.987654Z"),
                "auto", "SELECT 1;", "SELECT 2;", 0, 0);

        MigrationFile parsed = MigrationFileFormat.parse(FILE, MigrationFileFormat.render(m));

        assertThat(parsed.created()).isEqualTo(Instant.parse("2026-08-19T14:30:22Z"));
    }

    @Test
    void emptySectionsRoundTrip() {
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "nothing yet", Migrations.T0, "manual", "", "  \n", 0, 0);

        MigrationFile parsed = MigrationFileFormat.parse(FILE, MigrationFileFormat.render(m));

        assertThat(parsed.up()).isEmpty();
        assertThat(parsed.down()).isEmpty();
        assertThat(SqlScript.statements(parsed.up(), parsed.upLine())).isEmpty();
    }

    @Test
    void descriptionWithColonsIsKeptWhole() {
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "fix: orders: add index", Migrations.T0, "auto",
                "SELECT 1;", "SELECT 2;", 0, 0);

        assertThat(MigrationFileFormat.parse(FILE, MigrationFileFormat.render(m)).description()).isEqualTo("fix: orders: add index");
    }

    @Test
    void descriptionWithLineBreaksStaysOnOneHeaderLine() {
        for (String breakChars : List.of("\n", "\r\n", "\r")) {
            MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "first" + breakChars + "second", Migrations.T0,
                    "auto", "SELECT 1;", "SELECT 2;", 0, 0);

            String text = MigrationFileFormat.render(m);
            MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

            assertThat(parsed.description()).as("line break %s", breakChars.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo("first second");
            assertThat(parsed.upLine()).isEqualTo(9);
        }
    }

    @Test
    void commentsInsideTheSqlAreNotReadAsHeaderLines() {
        MigrationFile m = new MigrationFile(null, "3f4a5b6c7d8e", List.of(), "real description", Migrations.T0, "auto",
                "-- revision: ffffffffffff\n-- description: not this\nSELECT 1;", "-- created: garbage\nSELECT 2;", 0, 0);

        MigrationFile parsed = MigrationFileFormat.parse(FILE, MigrationFileFormat.render(m));

        assertThat(parsed.revision()).isEqualTo("3f4a5b6c7d8e");
        assertThat(parsed.description()).isEqualTo("real description");
        assertThat(parsed.created()).isEqualTo(Migrations.T0);
        assertThat(parsed.up()).startsWith("-- revision: ffffffffffff");
    }

    @Test
    void aSealedMigrationKeepsItsSealTimeAndAnOpenOneHasNone() {
        MigrationFile s0 = sample(List.of());
        MigrationFile open = new MigrationFile(s0.path(), s0.revision(), s0.parents(), s0.description(), s0.created(),
                MigrationFile.DAEMON, s0.up(), s0.down(), 0, 0);
        MigrationFile sealed = open.sealedAt(Instant.parse("2026-08-20T09:00:00.500Z"), "add user email, reviewed");

        String text = MigrationFileFormat.render(sealed);
        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);

        assertThat(text).contains("-- sealed: 2026-08-20T09:00:00Z\n");
        assertThat(parsed.sealed()).isEqualTo(Instant.parse("2026-08-20T09:00:00Z"));
        assertThat(parsed.description()).isEqualTo("add user email, reviewed");
        assertThat(parsed.isOpenDaemonMigration()).isFalse();
        assertThat(parsed.checksum()).as("sealing changes no SQL").isEqualTo(open.checksum());
        assertThat(parsed.upLine()).isEqualTo(lineOf(text, "ALTER TABLE \"users\" ADD COLUMN \"email\" varchar(255);"));
        MigrationFile reopened = MigrationFileFormat.parse(FILE, MigrationFileFormat.render(open));
        assertThat(reopened.sealed()).isNull();
        assertThat(reopened.isOpenDaemonMigration()).isTrue();
        assertThat(MigrationFileFormat.render(open)).doesNotContain("sealed");
    }

    @Test
    void aMigrationProvenWhenAppliedSaysSoInItsHeaderAndKeepsItThroughSealing() {
        MigrationFile part = sample(List.of()).sealedAt(Instant.parse("2026-08-19T14:30:22Z"), "initial (part 2 of 3)").provenWhenApplied();
        String text = MigrationFileFormat.render(part);

        assertThat(text).contains("-- sealed: 2026-08-19T14:30:22Z\n-- proof: when applied\n\n-- +up\n");
        MigrationFile parsed = MigrationFileFormat.parse(FILE, text);
        assertThat(parsed.proofWhenApplied()).isTrue();
        assertThat(parsed.withContent("renamed", parsed.up(), parsed.down()).proofWhenApplied()).isTrue();
        assertThat(parsed.checksum()).as("the header is not part of the checksum").isEqualTo(sample(List.of()).checksum());
        assertThat(MigrationFileFormat.parse(FILE, GOOD).proofWhenApplied()).isFalse();
    }

    // ---- errors: each names the file and the line, exit code 2 ----

    @Test
    void aProofLineWithAnotherValueOrWithStepsIsRefused() {
        String proven = GOOD.replace("-- generated: auto\n", "-- generated: auto\n-- proof: when applied\n");
        assertThat(MigrationFileFormat.parse(FILE, proven).proofWhenApplied()).isTrue();
        assertParseError(proven.replace("when applied", "never"), 7, "proof 'never' is not 'when applied'");
        assertParseError(proven.replace("-- +up\n", "-- +up\n-- +step no-transaction\n"), 7, "cannot have '-- +step' markers");
    }

    private static final String GOOD = MigrationFileFormat.render(sample(List.of("1a2b3c4d5e6f")));

    private static AbstractThrowableAssert<?, ? extends Throwable> assertParseError(String text, int line, String what) {
        return assertThatThrownBy(() -> MigrationFileFormat.parse(FILE, text))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith(FILE + ":" + line + ": ")
                .hasMessageContaining(what)
                .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void missingHeaderMarker() {
        assertParseError(GOOD.replace("-- migrate-watch migration\n", "-- some other tool\n"), 1, "missing header")
                .hasMessageContaining(MigrationFileFormat.MARKER);
        assertParseError("", 1, "missing header");
        assertParseError("CREATE TABLE a (id int);\n", 1, "missing header");
    }

    @Test
    void missingUpSection() {
        String text = GOOD.substring(0, GOOD.indexOf("-- +up\n"));
        // points at the file's last line
        assertParseError(text, 7, "no '-- +up' section");
        // with a down section but no up section, the error points at the down section
        assertParseError(GOOD.replace("-- +up\n", ""), 11, "'-- +down' before '-- +up'");
    }

    @Test
    void missingDownSection() {
        String text = GOOD.replace("-- +down\n", "");
        // points at the file's last line
        assertParseError(text, 13, "no '-- +down' section");
        assertParseError(text.strip(), 13, "no '-- +down' section");
    }

    @Test
    void downBeforeUp() {
        String text = """
                -- migrate-watch migration
                -- revision: 3f4a5b6c7d8e
                -- parents: none
                -- description: swapped
                -- created: 2026-08-19T14:30:22Z
                -- generated: manual

                -- +down
                DROP TABLE "a";

                -- +up
                CREATE TABLE "a" ("id" integer);
                """;
        assertParseError(text, 8, "'-- +down' before '-- +up'");
    }

    @Test
    void secondUpOrDownSection() {
        assertParseError(GOOD + "-- +up\nSELECT 3;\n", 15, "a second '-- +up' section");
        assertParseError(GOOD + "-- +down\nSELECT 3;\n", 15, "a second '-- +down' section");
    }

    @Test
    void badRevision() {
        assertParseError(GOOD.replace("-- revision: 3f4a5b6c7d8e", "-- revision: 3F4A5B6C7D8E"), 2, "revision '3F4A5B6C7D8E'");
        assertParseError(GOOD.replace("-- revision: 3f4a5b6c7d8e", "-- revision: 3f4a5b"), 2, "not 12 hexadecimal digits");
        assertParseError(GOOD.replace("-- revision: 3f4a5b6c7d8e", "-- revision: 3f4a5b6c7d8e9"), 2, "'3f4a5b6c7d8e9'");
    }

    @Test
    void badParent() {
        assertParseError(GOOD.replace("-- parents: 1a2b3c4d5e6f", "-- parents: 1a2b3c4d5e6f zzz"), 3, "parent 'zzz'");
    }

    @Test
    void missingRevisionOrParentsLine() {
        assertParseError(GOOD.replace("-- revision: 3f4a5b6c7d8e\n", ""), 1, "missing header line '-- revision: ...'");
        assertParseError(GOOD.replace("-- parents: 1a2b3c4d5e6f\n", ""), 1, "missing header line '-- parents: ...'");
    }

    @Test
    void badCreatedTime() {
        assertParseError(GOOD.replace("-- created: 2026-08-19T14:30:22Z", "-- created: 19.08.2026 14:30"), 5,
                "created '19.08.2026 14:30' is not an ISO-8601 UTC time");
    }

    @Test
    void badSealedTime() {
        String text = GOOD.replace("-- generated: auto\n", "-- generated: auto\n-- sealed: yesterday\n");
        assertParseError(text, 7, "sealed 'yesterday' is not an ISO-8601 UTC time");
    }

    // ---- file names ----

    @Test
    void fileNameIsUtcTimeRevisionAndSlug() {
        assertThat(MigrationFileFormat.fileName(Instant.parse("2026-08-19T14:30:22Z"), "3f4a5b6c7d8e", "add user email"))
                .isEqualTo("20260819_143022_3f4a5b6c7d8e_add_user_email.sql");
        assertThat(MigrationFileFormat.fileName(Instant.parse("2026-12-31T23:59:59.900Z"), "3f4a5b6c7d8e", "x"))
                .isEqualTo("20261231_235959_3f4a5b6c7d8e_x.sql");
    }

    @Test
    void slugIsLowerCaseWordsJoinedByOneUnderscore() {
        assertThat(MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", "  Add User-Email (v2)!! "))
                .isEqualTo("20260819_143022_3f4a5b6c7d8e_add_user_email_v2.sql");
        assertThat(MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", "../../etc/passwd"))
                .isEqualTo("20260819_143022_3f4a5b6c7d8e_etc_passwd.sql");
    }

    @Test
    void slugIsLeftOutWhenTheDescriptionHasNoLettersOrDigits() {
        assertThat(MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", "")).isEqualTo("20260819_143022_3f4a5b6c7d8e.sql");
        assertThat(MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", "!!! ---")).isEqualTo("20260819_143022_3f4a5b6c7d8e.sql");
    }

    @Test
    void longSlugsAreCutToSixtyCharactersWithoutATrailingUnderscore() {
        String description = "a".repeat(59) + " bbbbbbbbbb cccccccccc";
        String name = MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", description);
        String slug = name.substring("20260819_143022_3f4a5b6c7d8e_".length(), name.length() - ".sql".length());

        assertThat(slug).isEqualTo("a".repeat(59));
        String longer = MigrationFileFormat.fileName(Migrations.T0, "3f4a5b6c7d8e", "word ".repeat(40));
        assertThat(longer).endsWith("_word.sql").doesNotContain("__");
        assertThat(longer.length()).isLessThanOrEqualTo("20260819_143022_3f4a5b6c7d8e_".length() + 60 + ".sql".length());
    }
}
