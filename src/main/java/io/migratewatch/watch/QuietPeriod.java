package io.migratewatch.watch;

import java.time.Duration;

/**
 * The debounce: work is due once events have stopped for the quiet period, or at the latest
 * {@code maxWait} after the first event of the batch, so a constant stream of saves still gets
 * served. Pure arithmetic on a clock the caller passes in.
 */
public final class QuietPeriod {

    private final long quietNanos;
    private final long maxWaitNanos;
    private long first = -1;
    private long last = -1;

    public QuietPeriod(Duration quiet, Duration maxWait) {
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
    }

    public void touch(long now) {
        if (first < 0) {
            first = now;
        }
        last = now;
    }

    public boolean pending() {
        return first >= 0;
    }

    /** When the pending work is due (only meaningful while {@link #pending()}). */
    public long dueAt() {
        return Math.min(last + quietNanos, first + maxWaitNanos);
    }

    public boolean isDue(long now) {
        return pending() && now - dueAt() >= 0;
    }

    public void reset() {
        first = -1;
        last = -1;
    }
}
