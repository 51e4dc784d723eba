package io.migratewatch.migration;

import java.time.Duration;
import java.util.List;

/**
 * How long each migration statement may wait for a table lock another session holds ({@code SET lock_timeout}) and
 * run ({@code SET statement_timeout}, zero for no limit), and how often a migration that hit the lock timeout is
 * tried again. A short lock wait keeps a queued {@code ACCESS EXCLUSIVE} request from stopping every query that
 * arrives behind it.
 *
 * @param firstPause the pause before the first retry; each further pause doubles, up to 30 s
 */
public record LockLimits(Duration lockTimeout, Duration statementTimeout, int retries, Duration firstPause) {

    public LockLimits(Duration lockTimeout, Duration statementTimeout, int retries) {
        this(lockTimeout, statementTimeout, retries, Duration.ofSeconds(1));
    }

    Duration pauseAfter(int attempt) {
        Duration pause = firstPause;
        for (int i = 1; i < attempt && pause.compareTo(Duration.ofSeconds(30)) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause;
    }

    /**
     * The line that tells a lock timeout is tried again, naming the sessions that held the lock.
     *
     * @param attempt the attempt about to be made, of {@code attempts} in all
     */
    public static String retryNotice(String file, Duration waited, List<LockHolders.Holder> holders, Duration pause, int attempt,
                                     int attempts) {
        return "lock timeout: " + file + " waited " + describe(waited) + " for a lock: " + LockHolders.describe(holders)
                + "; trying again in " + describe(pause) + " (attempt " + attempt + " of " + attempts + ")";
    }

    public static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0 && !d.isZero()) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
