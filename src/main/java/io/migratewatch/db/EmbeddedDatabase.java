package io.migratewatch.db;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The default database when none is configured: PostgreSQL 17 from zonky's binaries, data kept in
 * {@code database.embedded.data-dir} between runs, on a fixed port so the application can use it too.
 * A lock file next to the data folder tells a second process that the server is already running:
 * it then connects to that server instead of starting another on the same data.
 */
public final class EmbeddedDatabase extends Database {

    private final EmbeddedPostgres server;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(DatabaseUrl url, EmbeddedPostgres server, FileChannel lockChannel, FileLock lock) {
        super(url);
        this.server = server;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static Database start(Path dataDir, int port, Consumer<String> out) {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
        Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir.getParent() == null ? Path.of(".") : dataDir.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return shared(url, dataDir, port, out);
            }
            if (portInUse(port)) {
                // checked first: the embedded server's start-up check would take whatever answers on the port for
                // itself, so another PostgreSQL there would be used (and migrated) in its place, and a program that
                // accepts connections but never answers would keep the start-up waiting for ever
                lock.release();
                channel.close();
                throw new MigrateWatchException(ExitCode.DATABASE_UNREACHABLE, "cannot start the embedded PostgreSQL in " + dataDir
                        + " on port " + port + ": another program is already listening on that port (another PostgreSQL server, or one "
                        + "left running by a migrate-watch process that was killed: see " + dataDir.resolve("postmaster.pid") + ")."
                        + "\n  Set database.embedded.port in watcher.conf to a free port, or set database.url to use that server.");
            }
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            out.accept("Embedded PostgreSQL " + "running at " + url.jdbcUrl() + " (user postgres, data in " + dataDir + ")");
            return new EmbeddedDatabase(url, server, channel, lock);
        } catch (IOException | IllegalStateException e) {
            closeQuietly(channel);
            throw new MigrateWatchException(ExitCode.DATABASE_UNREACHABLE, "cannot start the embedded PostgreSQL in " + dataDir
                    + " on port " + port + ": " + e.getMessage()
                    + "\n  Is the port taken by another program? Set database.embedded.port in watcher.conf, or set database.url to use your own server.", e);
        }
    }

    private static boolean portInUse(int port) {
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName("localhost"));
        } catch (UnknownHostException e) {
            addresses = List.of(InetAddress.getLoopbackAddress());
        }
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 1000);
                return true;
            } catch (IOException e) {
                // nothing listening at this address
            }
        }
        return false;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Another migrate-watch process runs the server on this data folder: use it rather than fight over the files. */
    private static Database shared(DatabaseUrl url, Path dataDir, int port, Consumer<String> out) {
        try (Socket ignored = new Socket("localhost", port)) {
            out.accept("Embedded PostgreSQL in " + dataDir + " is already running in another migrate-watch process; using it at " + url.jdbcUrl());
            return new Database(url);
        } catch (IOException e) {
            throw new MigrateWatchException(ExitCode.DATABASE_UNREACHABLE, "the embedded PostgreSQL data in " + dataDir
                    + " is locked by another migrate-watch process, but nothing answers on port " + port
                    + ".\n  Wait for that process to finish starting or stopping, or stop it, and try again.");
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // the server is going away with this process either way
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // released when the channel closes
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
