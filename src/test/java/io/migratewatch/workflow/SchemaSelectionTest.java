package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code --schemas} patterns match schema names and how {@code --schemas-from} files are read. */
class SchemaSelectionTest {

    @TempDir
    Path tmp;

    private static boolean matches(String glob, String name) {
        Pattern p = SchemaSelection.glob(glob);
        return p.matcher(name).matches();
    }

    @Test
    void globsMatchWholeNamesWithStarQuestionMarkAndSets() {
        assertThat(matches("tenant_*", "tenant_acme")).isTrue();
        assertThat(matches("tenant_*", "tenant_")).isTrue();
        assertThat(matches("tenant_*", "old_tenant_acme")).as("the whole name").isFalse();
        assertThat(matches("tenant_*", "Tenant_acme")).as("names are case-sensitive").isFalse();
        assertThat(matches("t?", "t1")).isTrue();
        assertThat(matches("t?", "t12")).isFalse();
        assertThat(matches("shard_[0-3]", "shard_2")).isTrue();
        assertThat(matches("shard_[0-3]", "shard_7")).isFalse();
        assertThat(matches("shard_[!0-3]", "shard_7")).isTrue();
        // regular-expression characters are themselves
        assertThat(matches("a.b+c", "a.b+c")).isTrue();
        assertThat(matches("a.b+c", "axbbc")).isFalse();
        assertThat(matches("odd[", "odd[")).isTrue();
    }

    @Test
    void aListFileSkipsBlankAndCommentLinesAndRepeatedNames() throws Exception {
        Path file = Files.writeString(tmp.resolve("tenants.txt"), "# tenants\ntenant_a\n\n  tenant_b  \ntenant_a\n");

        SchemaSelection s = SchemaSelection.listedIn(file, "tenants.txt");

        assertThat(s.schemas()).containsExactly("tenant_a", "tenant_b");
        assertThat(s.description()).isEqualTo("2 schemas listed in tenants.txt");
    }

    @Test
    void aBadListFileIsAClearErrorNamingTheLine() throws Exception {
        Path spaced = Files.writeString(tmp.resolve("spaced.txt"), "tenant_a\ntenant b\n");
        assertThatThrownBy(() -> SchemaSelection.listedIn(spaced, "spaced.txt"))
                .isInstanceOf(MigrateWatchException.class)
                .satisfies(e -> assertThat(((MigrateWatchException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("spaced.txt:2: 'tenant b' is not a schema name (one name a line, without spaces). Nothing was applied."
                        + " Fix the line and run the command again");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "# nobody yet\n");
        assertThatThrownBy(() -> SchemaSelection.listedIn(empty, "empty.txt")).hasMessageStartingWith("empty.txt lists no schema.");
        assertThatThrownBy(() -> SchemaSelection.listedIn(tmp.resolve("missing.txt"), "missing.txt"))
                .hasMessageStartingWith("cannot read the schema list missing.txt: ");
    }
}
