package io.migratewatch.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A backup opened for restoring. The file stays open from here on, so what is restored is what was
 * chosen even if latest.sql moves on meanwhile (the safety backup taken before a restore moves it).
 */
public final class BackupSource implements AutoCloseable {

    private final FileChannel channel;
    private final BackupFile file;
    private final CRC32C crc = new CRC32C();

    private BackupSource(FileChannel channel, BackupFile file) {
        this.channel = channel;
        this.file = file;
    }

    public static BackupSource open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            BackupFile file;
            try {
                Manifest.Header header = Manifest.read(new BufferedInputStream(Channels.newInputStream(channel), 8192));
                Manifest m = header.manifest();
                String problem = m.size() == size ? null
                        : "it is " + size + " bytes long but was written with " + m.size() + " (truncated or changed since)";
                file = new BackupFile(path, m, header.bytes(), size, java.nio.file.Files.getLastModifiedTime(path).toInstant(), problem);
            } catch (BackupFormatException e) {
                file = new BackupFile(path, null, 0, size, java.time.Instant.EPOCH, "not a complete migrate-watch backup: " + e.getMessage());
            }
            return new BackupSource(channel, file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public BackupFile file() {
        return file;
    }

    /** Everything after the manifest, checksummed on the way through. */
    InputStream body() throws IOException {
        channel.position(file.headerBytes());
        crc.reset();
        return new CheckedInputStream(Channels.newInputStream(channel), crc);
    }

    /** The CRC-32C of what {@link #body()} has delivered so far, as the manifest writes it. */
    String checksum() {
        return java.util.HexFormat.of().toHexDigits((int) crc.getValue());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
