package io.migratewatch;

/**
 * A failure the user can act on: the message says what failed, where, and what to do next, and
 * the exit code says which kind of failure it was (see {@link ExitCode}).
 */
public class MigrateWatchException extends RuntimeException {

    private final int exitCode;

    public MigrateWatchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public MigrateWatchException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
