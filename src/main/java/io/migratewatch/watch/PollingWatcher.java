package io.migratewatch.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds changes by re-reading folders' file attributes at a fixed interval, for file systems that deliver no events.
 * Neither the JDK (whose polling watch service is internal and used only where there is no native one) nor
 * directory-watcher offers polling on Linux, and this needs nothing but a walk and a comparison.
 */
final class PollingWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatcher.class);

    private final List<Path> roots;
    private final Duration interval;
    private final FileEvents events;
    private final List<TreeSnapshot> snapshots = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean failing;

    /** Takes the first snapshots now, so that every change after the constructor returns is reported. */
    PollingWatcher(List<Path> roots, Duration interval, FileEvents events) {
        this.roots = List.copyOf(roots);
        this.interval = interval;
        this.events = events;
        for (Path root : this.roots) {
            snapshots.add(TreeSnapshot.take(root));
        }
        this.thread = new Thread(this::run, "migrate-watch-poll");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < roots.size() && !closed; i++) {
                try {
                    TreeSnapshot now = TreeSnapshot.take(roots.get(i));
                    now.changedSince(snapshots.get(i)).forEach(events::changed);
                    snapshots.set(i, now);
                    failing = false;
                } catch (RuntimeException e) {
                    if (!failing) { // once per streak: the next round tries again every interval
                        LOG.error("cannot read " + roots.get(i) + " to look for changes", e);
                    }
                    failing = true;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
