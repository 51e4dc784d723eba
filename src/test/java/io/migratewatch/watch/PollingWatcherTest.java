package io.migratewatch.watch;

import io.migratewatch.config.Settings.PollMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The polling watcher on a real folder with real file edits, through SourceWatcher with watcher.poll = true. */
class PollingWatcherTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private final Set<Path> changed = ConcurrentHashMap.newKeySet();

    private final FileEvents recorder = new FileEvents() {
        @Override
        public void changed(Path path) {
            changed.add(path);
        }

        @Override
        public void overflow() {
            throw new AssertionError("polling never loses events");
        }
    };

    private SourceWatcher polling(Path... roots) throws IOException {
        SourceWatcher watcher = new SourceWatcher(List.of(roots), recorder, PollMode.ALWAYS, INTERVAL, MountTable.ofThisProcess());
        watcher.start();
        return watcher;
    }

    private void awaitChange(Path path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!changed.contains(path) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(changed).contains(path);
    }

    @Test
    void createdEditedAndDeletedFilesAreReportedWithoutFileEvents() throws Exception {
        Path src = dir.resolve("src");
        Path existing = Files.createDirectories(src.resolve("shop")).resolve("Customer.java");
        Files.writeString(existing, "class Customer {}");
        try (SourceWatcher watcher = polling(src)) {
            assertThat(watcher.polled()).containsExactlyEntriesOf(java.util.Map.of(src, "watcher.poll = true"));

            Path created = src.resolve("shop/Order.java");
            Files.writeString(created, "class Order {}");
            awaitChange(created);

            Files.writeString(existing, "class Customer { int a; }");
            awaitChange(existing);

            changed.clear();
            Files.delete(created);
            awaitChange(created);

            Path inNewFolder = Files.createDirectories(src.resolve("shop/billing")).resolve("Invoice.java");
            Files.writeString(inNewFolder, "class Invoice {}");
            awaitChange(inNewFolder);
        }
    }

    @Test
    void aSameSizeRewriteIsSeenAndBuildOutputIsNotWalked() throws Exception {
        Path file = dir.resolve("Customer.java");
        Files.writeString(file, "class Customer { int a; }");
        Path output = Files.createDirectories(dir.resolve("target/classes")).resolve("Customer.class");
        try (SourceWatcher ignored = polling(dir)) {
            Thread.sleep(50); // a different modification time than the first snapshot's
            Files.writeString(output, "compiled");
            Files.writeString(file, "class Customer { int b; }");
            awaitChange(file);
            Thread.sleep(INTERVAL.toMillis() * 3);

            assertThat(changed).containsExactly(file);
        }
    }

    @Test
    void aFolderPolledWithOthersKeepsItsOwnSnapshotAndNothingIsReportedAfterClose() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        SourceWatcher watcher = polling(models, migrations);
        Path migration = migrations.resolve("20261206_010203_abc_create.sql");
        Files.writeString(migration, "-- up");
        awaitChange(migration);
        assertThat(changed).containsExactly(migration);

        watcher.close();
        changed.clear();
        Files.writeString(models.resolve("Late.java"), "class Late {}");
        Thread.sleep(INTERVAL.toMillis() * 3);
        assertThat(changed).isEmpty();
    }

    @Test
    void withPollFalseTheFolderIsWatchedForEventsInstead() throws Exception {
        try (SourceWatcher watcher = new SourceWatcher(List.of(dir), recorder, PollMode.NEVER, INTERVAL, MountTable.ofThisProcess())) {
            watcher.start();
            assertThat(watcher.polled()).isEmpty();
            Thread.sleep(200); // the native watcher registers its folders as it starts
            Path file = dir.resolve("Customer.java");
            Files.writeString(file, "class Customer {}");
            awaitChange(file);
        }
    }
}
