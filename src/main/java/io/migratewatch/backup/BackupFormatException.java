package io.migratewatch.backup;

/** A file that is not a complete migrate-watch backup: the message says what is wrong with it. */
final class BackupFormatException extends RuntimeException {

    BackupFormatException(String message) {
        super(message);
    }
}
