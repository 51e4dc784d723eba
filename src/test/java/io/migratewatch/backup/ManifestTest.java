package io.migratewatch.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestTest {

    private static final BackupRequest REQUEST = new BackupRequest("pub\nlic", "3f4a5b6c7d8e", "before upgrade; \\ it's \"new\"",
            "backup_20261128_204512.sql", Instant.parse("2026-11-28T20:45:12Z"));

    private static Manifest.Header read(String text) throws Exception {
        return Manifest.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFinishedManifestHasTheDraftsLengthAndReadsBack() throws Exception {
        Manifest draft = Manifest.draft(REQUEST, "builtin", "migrate-watch", "17.6", "shop", List.of("order", "line\nbreak", "We\"ird ✓"));
        Manifest done = draft.withCounts(List.of(new Manifest.Table("order", 123_456_789_012L), new Manifest.Table("line\nbreak", 0),
                new Manifest.Table("We\"ird ✓", 7)), 3).withSizeAndChecksum(Long.MAX_VALUE, "0a1b2c3d");

        assertThat(done.render().getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(draft.render().getBytes(StandardCharsets.UTF_8));
        assertThat(done.render().lines()).allMatch(l -> l.startsWith("-- "));
        Manifest.Header header = read(done.render() + "SELECT 1;\n");
        assertThat(header.manifest()).isEqualTo(done);
        assertThat(header.bytes()).isEqualTo(done.render().getBytes(StandardCharsets.UTF_8).length);
        assertThat(done.rows()).isEqualTo(123_456_789_019L);
    }

    @Test
    void somethingElseIsNotABackup() {
        assertThatThrownBy(() -> read("SELECT 1;\n")).isInstanceOf(BackupFormatException.class).hasMessageContaining("does not start with");
        assertThatThrownBy(() -> read("")).isInstanceOf(BackupFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("-- migrate-watch backup\n-- format:        1\n")).isInstanceOf(BackupFormatException.class)
                .hasMessageContaining("ends early");
        assertThatThrownBy(() -> read("-- migrate-watch backup\n-- format:        9\n-- end of manifest\n"))
                .isInstanceOf(BackupFormatException.class).hasMessageContaining("newer migrate-watch");
    }
}
