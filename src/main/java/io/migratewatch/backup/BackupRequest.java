package io.migratewatch.backup;

import java.time.Instant;

/**
 * What the caller asks to be backed up, and what the manifest should say about it.
 *
 * @param revision the newest applied revision, or null
 * @param reason   why the backup was taken ("before upgrade to 3f4a5b6c7d8e", "db backup")
 * @param fileName the name the finished file will have
 */
public record BackupRequest(String schema, String revision, String reason, String fileName, Instant created) {
}
