package io.migratewatch.backup;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static BackupFile taken(String name, Duration ago) {
        Manifest m = new Manifest(1, name, NOW.minus(ago), "builtin", "", "", "", "public", null, "", 0, "00000000", 0, List.of());
        return new BackupFile(Path.of(name), m, 0, 0, NOW, null);
    }

    @Test
    void keepsTheNewestAndAnythingFromTheLastHour() {
        BackupFile a = taken("a", Duration.ofHours(5));
        BackupFile b = taken("b", Duration.ofHours(4));
        BackupFile c = taken("c", Duration.ofHours(3));
        BackupFile d = taken("d", Duration.ofMinutes(50));
        BackupFile e = taken("e", Duration.ofMinutes(10));

        assertThat(new Retention(2, Retention.ONE_HOUR).expired(List.of(a, b, c, d, e), NOW)).containsExactlyInAnyOrder(a, b, c);
        assertThat(new Retention(4, Retention.ONE_HOUR).expired(List.of(e, d, c, b, a), NOW)).containsExactly(a);
        assertThat(new Retention(1, Retention.ONE_HOUR).expired(List.of(d, e), NOW)).as("both within the hour").isEmpty();
        assertThat(new Retention(1, Retention.ONE_HOUR).expired(List.of(a), NOW)).as("the newest stays, however old").isEmpty();
    }

    @Test
    void damagedFilesAreNotItsBusiness() {
        BackupFile damaged = new BackupFile(Path.of("x"), null, 0, 0, NOW.minus(Duration.ofDays(9)), "not a backup");
        assertThat(new Retention(1, Retention.ONE_HOUR).expired(List.of(damaged, taken("a", Duration.ofDays(2)), taken("b", Duration.ofDays(1))), NOW))
                .extracting(BackupFile::fileName).containsExactly("a");
    }
}
