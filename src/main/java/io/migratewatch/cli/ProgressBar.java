package io.migratewatch.cli;

import io.migratewatch.backup.Progress;
import io.migratewatch.backup.Sizes;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for backup and restore on a terminal (rows and bytes), redrawn at most a
 * few times a second on standard error; gone once the work is done. Commands without a terminal get
 * {@link Progress#NONE} instead.
 */
final class ProgressBar implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private String what = "";
    private long expectedRows = -1;
    private long expectedBytes = -1;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar when the command runs on a terminal and is not --quiet, else nothing. */
    static Progress forCommand(MigrateWatchCommand root) {
        return System.console() != null && !root.quiet ? new ProgressBar(root.err) : Progress.NONE;
    }

    @Override
    public synchronized void start(String what, long expectedRows, long expectedBytes) {
        this.what = what;
        this.expectedRows = expectedRows;
        this.expectedBytes = expectedBytes;
        this.lastDraw = System.nanoTime();
    }

    @Override
    public synchronized void advance(long rows, long bytes) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double fraction = expectedBytes > 0 ? (double) bytes / expectedBytes : expectedRows > 0 ? (double) rows / expectedRows : -1;
        StringBuilder line = new StringBuilder("\r  ").append(String.format(Locale.ROOT, "%-8s", what));
        if (fraction >= 0) {
            fraction = Math.min(fraction, 0.99); // row counts are estimates until the end
            int full = (int) (fraction * WIDTH);
            line.append('[').append("#".repeat(full)).append(" ".repeat(WIDTH - full)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%%", (int) (fraction * 100)));
        }
        line.append("  ").append(Sizes.count(rows)).append(" rows  ").append(Sizes.bytes(bytes)).append("   ");
        err.print(line);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
