package io.migratewatch.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which backups may go: all but the {@code keep} newest, except that the newest one and any taken
 * within the grace period are never deleted (a migration in progress may still need them).
 * Files without a readable manifest are not this policy's business and are never chosen.
 */
public record Retention(int keep, Duration grace) {

    public static final Duration ONE_HOUR = Duration.ofHours(1);

    public Retention {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
    }

    public List<BackupFile> expired(List<BackupFile> backups, Instant now) {
        List<BackupFile> newestFirst = backups.stream().filter(BackupFile::valid)
                .sorted(Comparator.comparing(BackupFile::created).reversed().thenComparing(BackupFile::fileName, Comparator.reverseOrder()))
                .toList();
        List<BackupFile> expired = new ArrayList<>();
        for (int i = keep; i < newestFirst.size(); i++) {
            BackupFile b = newestFirst.get(i);
            if (b.created().isBefore(now.minus(grace))) {
                expired.add(b);
            }
        }
        return expired;
    }
}
