package io.migratewatch.watch;

import io.migratewatch.config.Settings.PollMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What polling costs: for trees of 200, 2,000 and 10,000 source files in 20 files per folder, the time of one poll
 * round (a snapshot of the tree and the comparison with the last one; median of 25), and with the default 1 s
 * interval the delay from a file write to its event (median and max of 10 edits). Run as described in the README;
 * not a test.
 */
public final class PollingBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.printf("%-7s %14s %16s %14s%n", "files", "round median", "event median", "event max");
        for (int files : new int[] {200, 2_000, 10_000}) {
            run(files);
        }
        System.exit(0);
    }

    private static void run(int files) throws Exception {
        Path root = Files.createTempDirectory("migrate-watch-poll");
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path file = Files.createDirectories(root.resolve("pkg" + (i / 20))).resolve("Entity" + i + ".java");
            Files.writeString(file, "class Entity" + i + " {}");
            sources.add(file);
        }
        List<Double> rounds = new ArrayList<>();
        TreeSnapshot last = TreeSnapshot.take(root);
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            TreeSnapshot now = TreeSnapshot.take(root);
            now.changedSince(last);
            last = now;
            if (i >= 5) {
                rounds.add((System.nanoTime() - start) / 1e6);
            }
        }
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        List<Double> delays = new ArrayList<>();
        FileEvents events = new FileEvents() {
            @Override
            public void changed(Path path) {
                seen.add(System.nanoTime());
            }

            @Override
            public void overflow() {
            }
        };
        try (SourceWatcher watcher = new SourceWatcher(List.of(root), events, PollMode.ALWAYS, Duration.ofSeconds(1), MountTable.ofThisProcess())) {
            watcher.start();
            for (int i = 0; i < 10; i++) {
                Thread.sleep(50 + (i * 293L) % 1000); // edits at different points of the interval
                long written = System.nanoTime();
                Files.writeString(sources.get(i * 7 % files), "class Edited" + i + " { int x; }");
                Long at = seen.poll(10, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("no event for edit " + i);
                }
                delays.add((at - written) / 1e6);
                seen.clear();
            }
        }
        System.out.printf("%-7d %11.1f ms %13.0f ms %11.0f ms%n", files, median(rounds), median(delays), Collections.max(delays));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
