package io.migratewatch.workflow;

import io.migratewatch.migration.MigrationFile;
import io.migratewatch.schema.Schema;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas that replaying migrations produced, kept in {@code .migrate-watch/replayed/} so that {@code status} (a
 * container's health check every 30 s), {@code diff --drift} and {@code check} do not create a scratch database each time
 * to find the same result. Only the replayed (expected) schema is kept; the live schema is read on every run, so a
 * change made by hand always shows. A file is named by a hash of everything the replay's result depends on: the up
 * sections in order, the schema and history table, how it was replayed, the server's version and this program's build;
 * any change to one of them is another file. A file that cannot be read is replayed again.
 */
final class ReplayCache {

    /** Inside the project folder, beside the embedded database's data. */
    static final String FOLDER = ".migrate-watch/replayed";

    /** The newest files kept: enough for a few branches and servers. */
    private static final int KEEP = 8;

    /** Only the schema model's records and the JDK collections they hold are read back. */
    private static final ObjectInputFilter SCHEMA_ONLY = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;io.migratewatch.schema.*;java.util.*;java.lang.*;!*");

    private final Path folder;

    ReplayCache(Path folder) {
        this.folder = folder;
    }

    static ReplayCache of(Project project) {
        return new ReplayCache(project.settings().baseDir().resolve(FOLDER));
    }

    /**
     * @param server what replays: the server's version, or the embedded PostgreSQL
     * @param how    how the replay runs (the schema alone on the search path or not)
     */
    static String key(String server, String schema, String historyTable, String how, List<MigrationFile> migrations) {
        MessageDigest d = sha256();
        for (String part : List.of("replay-cache 1", build(), server, schema, historyTable, how)) {
            add(d, part);
        }
        for (MigrationFile m : migrations) {
            add(d, m.revision());
            add(d, m.up());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    Optional<Schema> get(String key) {
        Path file = folder.resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(SCHEMA_ONLY);
            return Optional.of((Schema) o.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            LoggerFactory.getLogger(ReplayCache.class).debug("replaying again, {} is unreadable: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps the schema; a folder that cannot be written only costs the next run a replay. */
    void put(String key, Schema schema) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream out = Files.newOutputStream(temp); ObjectOutputStream o = new ObjectOutputStream(out)) {
                o.writeObject(schema);
            }
            try {
                Files.move(temp, folder.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
            dropOldest();
        } catch (IOException e) {
            LoggerFactory.getLogger(ReplayCache.class).debug("the replayed schema is not kept in {}: {}", folder, e.toString());
        }
    }

    private void dropOldest() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted(Comparator.comparing(ReplayCache::modified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * This program's build: the jar's size and time, or, run from compiled classes, the newest class of the inspector
     * and the schema model, which decide what a replay reads.
     */
    private static String build() {
        try {
            Path here = Path.of(ReplayCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here)) {
                return here + " " + Files.size(here) + " " + Files.getLastModifiedTime(here).toMillis();
            }
            long newest = 0;
            for (String pkg : List.of("io/migratewatch/introspect", "io/migratewatch/schema", "io/migratewatch/workflow")) {
                try (Stream<Path> classes = Files.list(here.resolve(pkg))) {
                    newest = Math.max(newest, classes.mapToLong(ReplayCache::modified).max().orElse(0));
                }
            }
            return here + " " + newest;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no way to tell builds apart: a key of its own, never shared with another run
            return "unknown build " + System.nanoTime();
        }
    }

    private static void add(MessageDigest d, String part) {
        byte[] bytes = (part == null ? "\0null" : part).getBytes(StandardCharsets.UTF_8);
        d.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        d.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
