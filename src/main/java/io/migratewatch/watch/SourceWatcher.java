package io.migratewatch.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.migratewatch.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches folders recursively, folders created later included, and passes the events on. Folders whose file system
 * delivers events are watched with io.methvin's directory-watcher (native events where the OS has them); the others
 * (see {@link EventlessMounts}, {@code watcher.poll}) are polled. Build output is not walked.
 */
public final class SourceWatcher implements AutoCloseable {

    private final DirectoryWatcher watcher;
    private final PollingWatcher poller;
    private final Map<Path, String> polled;

    public SourceWatcher(List<Path> roots, FileEvents events, Settings.PollMode poll, Duration pollInterval, MountTable mounts)
            throws IOException {
        List<Path> watched = new ArrayList<>();
        Map<Path, String> polledRoots = new LinkedHashMap<>();
        for (Path root : roots) {
            Files.createDirectories(root);
            Optional<String> why = EventlessMounts.whyPoll(poll, mounts.mountOf(root.toRealPath()));
            if (why.isPresent()) {
                polledRoots.put(root, why.get());
            } else {
                watched.add(root);
            }
        }
        this.polled = Collections.unmodifiableMap(polledRoots);
        this.watcher = watched.isEmpty() ? null : DirectoryWatcher.builder()
                .paths(watched)
                .fileHashing(false) // ContentHashes compares content once per batch, not per event
                .fileTreeVisitor(new SkippingFileTreeVisitor())
                .listener(event -> {
                    if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                        events.overflow();
                    } else if (event.path() != null && !PathFilter.isUnderSkippedFolder(event.rootPath().relativize(event.path()))) {
                        events.changed(event.path());
                    }
                })
                .build();
        this.poller = polledRoots.isEmpty() ? null : new PollingWatcher(List.copyOf(polledRoots.keySet()), pollInterval, events);
    }

    /** The folders that are polled rather than watched for events, each with the reason. */
    public Map<Path, String> polled() {
        return polled;
    }

    public void start() {
        if (watcher != null) {
            watcher.watchAsync();
        }
        if (poller != null) {
            poller.start();
        }
    }

    @Override
    public void close() throws IOException {
        if (poller != null) {
            poller.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
