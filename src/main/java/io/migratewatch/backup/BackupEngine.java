package io.migratewatch.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes one schema, its data and the database's large objects as a plain SQL file from one
 * snapshot. Both engines write the same kind of file: the manifest, {@link Prologue}, then the dump.
 */
public interface BackupEngine {

    /** "builtin" or "pg-dump", as the manifest and {@code db backups} show it. */
    String name();

    /**
     * Dumps into the writer (which the caller finishes); returns the manifest with the row counts.
     *
     * @throws BackupException for a schema this engine cannot copy, or a failing pg_dump
     */
    Manifest dump(Connection connection, BackupRequest request, BackupWriter out, Progress progress) throws IOException, SQLException;
}
