package io.migratewatch.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Writes one backup file under a temporary name: manifest draft, then the dump, then the finished
 * manifest over the draft, then fsync. The file is created readable and writable by its owner only,
 * and locked while it is written (see {@link BackupFolder#removeLeftovers}).
 * Closed before {@link #finish} (a failed dump, a full disk), it deletes what it wrote, so a
 * half-written backup never lies around looking valid.
 */
public final class BackupWriter implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final Body body = new Body();
    private long position;
    private int headerLength = -1;
    private boolean finished;
    private boolean closed;

    private BackupWriter(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates the file; it must not exist yet. */
    public static BackupWriter create(Path path) throws IOException {
        FileAttribute<?>[] attributes = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        try {
            // held until the channel closes, or the process dies: tells a file in progress from one a killed process left
            channel.tryLock();
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without locks: such a file is then only removed once it is a day old
        }
        return new BackupWriter(path, channel);
    }

    public Path path() {
        return path;
    }

    /** Writes the manifest draft and the SQL that every restore starts with; the checksum covers what follows the manifest. */
    public void start(Manifest draft, String prologue) throws IOException {
        byte[] header = draft.render().getBytes(StandardCharsets.UTF_8);
        headerLength = header.length;
        writeRaw(header, 0, header.length);
        body.write(prologue.getBytes(StandardCharsets.UTF_8));
    }

    /** The dump goes here, after {@link #start}. Not to be closed by the caller. */
    public OutputStream body() {
        if (headerLength < 0) {
            throw new IllegalStateException("start() first");
        }
        return body;
    }

    /** Bytes written so far, manifest included. */
    public long written() {
        return position + buffer.position();
    }

    /** Writes the finished manifest (counts, size, checksum) over the draft and makes the file durable. */
    public Manifest finish(Manifest counted) throws IOException {
        flush();
        Manifest complete = counted.withSizeAndChecksum(position, HexFormat.of().toHexDigits((int) crc.getValue()));
        byte[] header = complete.render().getBytes(StandardCharsets.UTF_8);
        if (header.length != headerLength) {
            throw new IllegalStateException("manifest changed length: " + headerLength + " → " + header.length);
        }
        ByteBuffer bb = ByteBuffer.wrap(header);
        long at = 0;
        while (bb.hasRemaining()) {
            at += channel.write(bb, at);
        }
        channel.force(true);
        finished = true;
        channel.close();
        return complete;
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Everything after the manifest: counted into the checksum on the way through. */
    private final class Body extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            writeRaw(b, off, len);
        }

        @Override
        public void close() {
            // the writer owns the file; finish() or close() of the writer ends it
        }
    }
}
